import type { DeckSummary } from '../domain/deck-summary';
import { countsFromRecord, type DeckCountsRecord } from './recorded-deck-counts';

/**
 * The deck a session over `decks` likely shows its first card from, by the deck counts kept for
 * this start: the first, in session order, with a card due now or a new one. Only a hint, for
 * fetching that deck early: new cards beyond today's limit, or siblings held back, can leave the
 * deck's queue empty after all.
 */
export function likelyFirstDeck<Deck extends Pick<DeckSummary, 'id' | 'cardsFingerprint'>>(
  record: DeckCountsRecord,
  decks: readonly Deck[],
  nowMillis: number,
): Deck | undefined {
  return decks.find((deck) => {
    const counts = countsFromRecord(record, deck, nowMillis);
    return counts !== undefined && (counts.due > 0 || counts.new > 0);
  });
}
