import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId, DeckId } from '../../domain/ids';

/** Which deck holds a study card. */
export type CardDecks = Pick<ReadonlyMap<CardId, DeckId>, 'get'>;

/**
 * Which deck holds each study card, from summaries alone: a session over many decks loads only
 * the deck of the card on screen. A card id two decks share stays with the first of them. Each
 * card is looked up when first asked for and remembered: indexing every card up front held the
 * study page's first screen for about 100 ms with 100,000 cards, where a session asks for a few.
 */
export function cardDeckLookup(summaries: readonly DeckSummary[]): CardDecks {
  const found = new Map<CardId, DeckId | undefined>();
  return {
    get(cardId) {
      if (found.has(cardId)) return found.get(cardId);
      const deckId = summaries.find((summary) => summary.studyCardIds.includes(cardId))?.id;
      found.set(cardId, deckId);
      return deckId;
    },
  };
}
