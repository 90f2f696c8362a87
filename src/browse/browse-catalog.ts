import type { CardKind, Deck } from '../domain/deck';
import type { CardId, DeckId, TopicId } from '../domain/ids';

/** One card as Browse lists it: its text, its topic's title and every deck that holds it. */
export interface BrowseCard {
  readonly cardId: CardId;
  readonly topicId: TopicId;
  readonly kind: CardKind;
  readonly front: string;
  readonly back: string;
  readonly topicTitle: string;
  readonly deckIds: readonly DeckId[];
  /** Front, back and topic title in lower case, joined: a search reads one string per card. */
  readonly searchText: string;
}

/** One deck's cards in its order, as Browse lists them. */
export function deckBrowseCards(deck: Deck): BrowseCard[] {
  const titles = new Map(deck.topics.map((topic) => [topic.id, topic.title]));
  return deck.cards.map((card) => {
    const topicTitle = titles.get(card.topicId) ?? '';
    return {
      cardId: card.id,
      topicId: card.topicId,
      kind: card.kind,
      front: card.front,
      back: card.back,
      topicTitle,
      deckIds: [deck.id],
      searchText: `${card.front}\n${card.back}\n${topicTitle}`.toLowerCase(),
    };
  });
}

/**
 * Decks' cards (`deckBrowseCards`) as one list in deck order, a card id held by two decks listed
 * once (at its first deck's place) naming both, as one card is one schedule.
 */
export function mergeDeckCards(perDeck: readonly (readonly BrowseCard[])[]): BrowseCard[] {
  const index = new Map<CardId, number>();
  const merged: BrowseCard[] = [];
  for (const cards of perDeck) {
    for (const card of cards) {
      const at = index.get(card.cardId);
      if (at === undefined) {
        index.set(card.cardId, merged.length);
        merged.push(card);
        continue;
      }
      const listed = merged[at];
      if (listed && !card.deckIds.every((id) => listed.deckIds.includes(id))) {
        merged[at] = { ...listed, deckIds: [...new Set([...listed.deckIds, ...card.deckIds])] };
      }
    }
  }
  return merged;
}

/** Every card of `decks`, as `mergeDeckCards` lists them. */
export function browseCatalog(decks: readonly Deck[]): BrowseCard[] {
  return mergeDeckCards(decks.map(deckBrowseCards));
}
