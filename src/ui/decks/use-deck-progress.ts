import { useMemo } from 'react';
import { studyableCardIds } from '../../domain/card-controls';
import type { DeckSummary } from '../../domain/deck-summary';
import { deckCounts } from '../../scheduler/deck-counts';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { deckMastery } from '../../scheduler/mastery';
import { useAppStore } from '../common/app-store';

type DeckCardIds = Pick<DeckSummary, 'studyCardIds' | 'topicCardIds'>;

/** A deck's counts and mastery at `nowMillis`; undefined until stored progress has loaded. */
export function useDeckProgress(deck: DeckCardIds, nowMillis: number) {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const controls = useAppStore((state) => state.controls);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  return useMemo(() => {
    if (!ready) return undefined;
    return {
      counts: deckCounts(
        studyableCardIds(deck.studyCardIds, controls, nowMillis),
        states,
        dayStartHour,
        nowMillis,
      ),
      mastery: deckMastery(deck.topicCardIds, states, fsrsRecall, nowMillis, horizonDays),
    };
  }, [ready, deck, states, controls, dayStartHour, horizonDays, nowMillis]);
}
