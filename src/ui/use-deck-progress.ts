import { useMemo } from 'react';
import type { Deck } from '../domain/deck';
import { deckCardIds } from '../scheduler/deck-card-ids';
import { deckMastery } from '../scheduler/mastery';
import { deckCounts } from '../scheduler/review-queue';
import { useProgress } from '../stores/progress-store';

/** A deck's counts and mastery at `nowMillis`; undefined until stored progress has loaded. */
export function useDeckProgress(deck: Deck, nowMillis: number) {
  const ready = useProgress((state) => state.ready);
  const states = useProgress((state) => state.states);
  const scheduler = useProgress((state) => state.scheduler);
  const dayStartHour = useProgress((state) => state.settings.dayStartHour);
  return useMemo(() => {
    if (!ready) return undefined;
    const { studyCardIds, cardIdsByTopic } = deckCardIds(deck);
    return {
      counts: deckCounts(studyCardIds, states, dayStartHour, nowMillis),
      mastery: deckMastery([...cardIdsByTopic.values()], states, scheduler, nowMillis),
    };
  }, [ready, deck, states, scheduler, dayStartHour, nowMillis]);
}
