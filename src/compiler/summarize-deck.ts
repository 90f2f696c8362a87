import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId } from '../domain/ids';

export function summarizeDeck(deck: Deck): DeckSummary {
  const studyCardIds: CardId[] = [];
  const byTopic = new Map<string, CardId[]>(deck.topics.map((topic) => [topic.id, []]));
  for (const card of deck.cards) {
    if (card.kind !== 'quiz') studyCardIds.push(card.id);
    byTopic.get(card.topicId)?.push(card.id);
  }
  return {
    id: deck.id,
    title: deck.title,
    topicCount: deck.topics.length,
    quizItemCount: deck.quiz.length,
    studyCardIds,
    topicCardIds: [...byTopic.values()],
  };
}
