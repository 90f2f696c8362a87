import type { Deck } from '../domain/deck';
import type { CardId, TopicId } from '../domain/ids';

export interface DeckCardIds {
  /** `term` and `recall` cards in deck order: what study sessions show. */
  readonly studyCardIds: readonly CardId[];
  /** Every card of each topic, quiz included: what topic mastery averages over. */
  readonly cardIdsByTopic: ReadonlyMap<TopicId, readonly CardId[]>;
}

const cache = new WeakMap<Deck, DeckCardIds>();

/** Decks never change once loaded, so the index is computed once per deck object. */
export function deckCardIds(deck: Deck): DeckCardIds {
  const cached = cache.get(deck);
  if (cached) return cached;
  const studyCardIds: CardId[] = [];
  const cardIdsByTopic = new Map<TopicId, CardId[]>();
  for (const card of deck.cards) {
    if (card.kind !== 'quiz') studyCardIds.push(card.id);
    const topicCards = cardIdsByTopic.get(card.topicId);
    if (topicCards) topicCards.push(card.id);
    else cardIdsByTopic.set(card.topicId, [card.id]);
  }
  const index = { studyCardIds, cardIdsByTopic };
  cache.set(deck, index);
  return index;
}
