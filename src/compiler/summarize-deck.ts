import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId } from '../domain/ids';
import { hashStrings } from '../domain/string-hash';

// Decks never change once compiled, so each deck object is summarised once: study sessions ask
// for its card ids after every rating.
const summaries = new WeakMap<Deck, DeckSummary>();

/** What the deck list needs; `topicCardIds` is in `deck.topics` order. */
export function summarizeDeck(deck: Deck): DeckSummary {
  const cached = summaries.get(deck);
  if (cached) return cached;
  const studyCardIds: CardId[] = [];
  const byTopic = new Map<string, CardId[]>(deck.topics.map((topic) => [topic.id, []]));
  for (const card of deck.cards) {
    if (card.kind !== 'quiz') studyCardIds.push(card.id);
    byTopic.get(card.topicId)?.push(card.id);
  }
  const summary: DeckSummary = {
    id: deck.id,
    title: deck.title,
    topicCount: deck.topics.length,
    quizItemCount: deck.quiz.length,
    studyCardIds,
    cardCount: studyCardIds.length,
    cardsFingerprint: hashStrings(studyCardIds),
    topicCardIds: [...byTopic.values()],
  };
  summaries.set(deck, summary);
  return summary;
}
