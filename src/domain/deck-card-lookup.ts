import type { Card, Deck, Topic } from './deck';
import type { CardId } from './ids';

export interface CardWithTopic {
  readonly card: Card;
  readonly topic: Topic | undefined;
}

// A loaded deck is never changed in place (an edit replaces it), so its index can be kept for as
// long as the deck is; a big deck then costs one pass, not one per card shown or rated.
const indexes = new WeakMap<Deck, ReadonlyMap<CardId, CardWithTopic>>();

function indexDeck(deck: Deck): ReadonlyMap<CardId, CardWithTopic> {
  const topics = new Map(deck.topics.map((topic) => [topic.id, topic]));
  return new Map(deck.cards.map((card) => [card.id, { card, topic: topics.get(card.topicId) }]));
}

/** A card of a loaded deck with its topic; undefined when the deck does not hold it. */
export function findDeckCard(deck: Deck, cardId: CardId): CardWithTopic | undefined {
  let index = indexes.get(deck);
  if (!index) {
    index = indexDeck(deck);
    indexes.set(deck, index);
  }
  return index.get(cardId);
}
