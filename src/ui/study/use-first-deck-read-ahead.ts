import { useEffect } from 'react';
import type { DeckSummary } from '../../domain/deck-summary';
import type { DeckId } from '../../domain/ids';
import { keptStudyHeadAt } from '../../scheduler/kept-study-head';
import { likelyFirstDeck } from '../../scheduler/likely-first-deck';
import { useAppStore, useAppStoreApi } from '../common/app-store';

/**
 * Fetches the deck that a session over `summaries` likely starts with while the card states
 * load, from the deck counts kept for this start. Otherwise the first card's deck is fetched
 * only once the queue is built from the states: at 100,000 cards, a 700 KB deck then took about
 * 100 ms more to fetch and index.
 */
export function useFirstDeckReadAhead(summaries: readonly DeckSummary[]) {
  const store = useAppStoreApi();
  const record = useAppStore((state) => (state.ready ? undefined : state.recordedDeckCounts));
  useEffect(() => {
    if (!record) return;
    const load = (deckId: DeckId) =>
      // A deck that fails to load here is loaded again, and its failure said, when its card is up.
      store
        .getState()
        .loadDeck(deckId)
        .catch(() => undefined);
    // In a task of its own, not in the render's: the record arrives in the render that shows the
    // first card from the head kept with it, and a large deck's parts took 6 to 14 ms to ask for.
    const timer = setTimeout(() => {
      // The head kept for this start names the first card's deck: fetched first, before the
      // tasks that parse every deck's ids. Without one, finding the deck reads and fingerprints
      // decks' ids, which that render may find unparsed yet.
      const nowMillis = Date.now();
      const deck =
        keptStudyHeadAt(record, summaries, nowMillis)?.deckIds[0] ??
        likelyFirstDeck(record, summaries, nowMillis)?.id;
      if (deck !== undefined) void load(deck);
    });
    return () => clearTimeout(timer);
  }, [store, record, summaries]);
}
