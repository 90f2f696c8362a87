import { useEffect } from 'react';
import type { DeckSummary } from '../../domain/deck-summary';

/**
 * Reads each deck's study card ids in a task of its own, from the first render on. A bundled
 * deck's ids are parsed when first read: a session over every deck reads them all in its first
 * render, which at 100,000 cards held input for as long again as the session's own work. Read
 * here while the page waits for the catalog and stored progress, that render finds them parsed.
 * Each deck's task is queued when the last one ends, not all at once: start-up's reads answer
 * between them, so the deck counts kept for the start (and the first card's deck, fetched on
 * them) do not wait for every deck's ids, 400 ms at 100,000 cards.
 */
export function useCardIdsReadAhead(summaries: readonly DeckSummary[]) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const readFrom = (index: number) => {
      const summary = summaries[index];
      if (!summary) return;
      timer = setTimeout(() => {
        void summary.studyCardIds.length;
        readFrom(index + 1);
      });
    };
    readFrom(0);
    return () => clearTimeout(timer);
  }, [summaries]);
}
