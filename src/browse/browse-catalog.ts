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

/**
 * Every card of `decks` in deck order, a card id held by two decks listed once (at its first
 * deck's place), as one card is one schedule.
 */
export function browseCatalog(decks: readonly Deck[]): BrowseCard[] {
  const byId = new Map<CardId, { card: BrowseCard; deckIds: DeckId[] }>();
  for (const deck of decks) {
    const titles = new Map(deck.topics.map((topic) => [topic.id, topic.title]));
    for (const card of deck.cards) {
      const listed = byId.get(card.id);
      if (listed) {
        if (!listed.deckIds.includes(deck.id)) listed.deckIds.push(deck.id);
        continue;
      }
      const topicTitle = titles.get(card.topicId) ?? '';
      const deckIds = [deck.id];
      byId.set(card.id, {
        deckIds,
        card: {
          cardId: card.id,
          topicId: card.topicId,
          kind: card.kind,
          front: card.front,
          back: card.back,
          topicTitle,
          deckIds,
          searchText: `${card.front}\n${card.back}\n${topicTitle}`.toLowerCase(),
        },
      });
    }
  }
  return [...byId.values()].map(({ card }) => card);
}
