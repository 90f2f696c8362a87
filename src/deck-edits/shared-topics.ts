import type { DeckSummary } from '../domain/deck-summary';
import type { DeckId } from '../domain/ids';

/** Another deck holding some of a deck's topics: those topics' cards, and progress, are shared. */
export interface SharedTopics {
  readonly deckId: DeckId;
  readonly title: string;
  readonly topicCount: number;
}

type DeckTopics = Pick<DeckSummary, 'id' | 'title' | 'topicCardIds'>;

/**
 * The other decks that hold topics of `deck`, in the order given, with how many of its topics
 * each holds. A topic is held when one of its card ids is: ids come from roadmap node ids, so an
 * imported copy of a deck holds the very cards of the original.
 */
export function topicsSharedWith(deck: DeckTopics, others: readonly DeckTopics[]): SharedTopics[] {
  const shared: SharedTopics[] = [];
  for (const other of others) {
    if (other.id === deck.id) continue;
    const otherCardIds = new Set(other.topicCardIds.flat());
    const topicCount = deck.topicCardIds.filter((cardIds) =>
      cardIds.some((id) => otherCardIds.has(id)),
    ).length;
    if (topicCount > 0) shared.push({ deckId: other.id, title: other.title, topicCount });
  }
  return shared;
}
