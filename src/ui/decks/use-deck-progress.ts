import { useCallback } from 'react';
import { studyableCardIds } from '../../domain/card-controls';
import type { DeckSummary } from '../../domain/deck-summary';
import { deckCounts } from '../../scheduler/deck-counts';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { deckMastery } from '../../scheduler/mastery';
import { useAppStore } from '../common/app-store';
import { useComputedLater } from '../common/use-computed-later';

type DeckCardIds = Pick<DeckSummary, 'studyCardIds' | 'topicCardIds'>;

/**
 * A deck's counts and mastery at `nowMillis`; undefined until stored progress has loaded. Each
 * deck's are computed in a task of their own: the home page's decks together, in one render, held
 * input for 200 ms at 100,000 cards. Until a change is computed the previous figures stay, those
 * of this deck only.
 */
export function useDeckProgress(deck: DeckCardIds, nowMillis: number) {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const controls = useAppStore((state) => state.controls);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  const compute = useCallback(() => {
    if (!ready) return undefined;
    return {
      deck,
      counts: deckCounts(
        studyableCardIds(deck.studyCardIds, controls, nowMillis),
        states,
        dayStartHour,
        nowMillis,
      ),
      mastery: deckMastery(deck.topicCardIds, states, fsrsRecall, nowMillis, horizonDays),
    };
  }, [ready, deck, states, controls, dayStartHour, horizonDays, nowMillis]);
  const progress = useComputedLater(compute);
  return progress?.deck === deck ? progress : undefined;
}
