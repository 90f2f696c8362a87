import { useMemo } from 'react';
import type { DeckSummary } from '../../domain/deck-summary';
import { sessionQueueInputs } from '../../scheduler/session-queue-inputs';
import { studyQueue } from '../../scheduler/study-queue';
import { useAppStore } from '../common/app-store';

/**
 * How many cards a study session of this deck would show at `nowMillis`: the length of the very
 * queue the study page starts from (`useStudySession`), suspended and buried cards left out and
 * the deck's own limits applied. Undefined until stored progress has loaded.
 */
export function useStudyCount(deck: Pick<DeckSummary, 'id' | 'studyCardIds'>, nowMillis: number) {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const controls = useAppStore((state) => state.controls);
  const settings = useAppStore((state) => state.settings);
  return useMemo(() => {
    if (!ready) return undefined;
    const inputs = sessionQueueInputs(
      [deck.studyCardIds],
      [deck.id],
      { states, settings, controls },
      nowMillis,
    );
    return studyQueue(inputs.decks, states, settings, nowMillis, inputs.deckSettings).length;
  }, [ready, deck, states, controls, settings, nowMillis]);
}
