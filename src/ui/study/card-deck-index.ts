import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId, DeckId } from '../../domain/ids';

/**
 * Which deck holds each study card, from summaries alone: a session over many decks loads only
 * the deck of the card on screen. A card id two decks share stays with the first of them.
 */
export function indexCardDecks(summaries: readonly DeckSummary[]): ReadonlyMap<CardId, DeckId> {
  const deckOfCard = new Map<CardId, DeckId>();
  for (const summary of summaries) {
    for (const cardId of summary.studyCardIds) {
      if (!deckOfCard.has(cardId)) deckOfCard.set(cardId, summary.id);
    }
  }
  return deckOfCard;
}
