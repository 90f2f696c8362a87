import { useMemo } from 'react';
import { studyableCardIds } from '../../domain/card-controls';
import { settingsForDeck } from '../../domain/deck-options';
import type { DeckSummary } from '../../domain/deck-summary';
import { studyQueue } from '../../scheduler/study-queue';
import { useAppStore } from '../shared/app-store';

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
    const studyable = studyableCardIds(deck.studyCardIds, controls, nowMillis);
    const deckSettings = settingsForDeck(settings, deck.id);
    return studyQueue([studyable], states, settings, nowMillis, [deckSettings]).length;
  }, [ready, deck, states, controls, settings, nowMillis]);
}
