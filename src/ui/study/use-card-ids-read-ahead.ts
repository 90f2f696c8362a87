import { useEffect } from 'react';
import type { DeckSummary } from '../../domain/deck-summary';

/**
 * Reads each deck's study card ids in a task of its own, from the first render on. A bundled
 * deck's ids are parsed when first read: a session over every deck reads them all in its first
 * render, which at 100,000 cards held input for as long again as the session's own work. Read
 * here while the page waits for the catalog and stored progress, that render finds them parsed.
 */
export function useCardIdsReadAhead(summaries: readonly DeckSummary[]) {
  useEffect(() => {
    const timers = summaries.map((summary) => setTimeout(() => summary.studyCardIds.length));
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [summaries]);
}
