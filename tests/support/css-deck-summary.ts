import type { DeckSummary } from '../../src/domain/deck-summary';
import { cardId, deckId } from '../../src/domain/ids';

/** A small deck's summary: two topics, three study cards, for tests of the deck list's counts. */
export const cssCards = {
  term: cardId('css/box-model:term'),
  recall: cardId('css/box-model:recall'),
  other: cardId('css/flexbox:term'),
};

export const cssDeckSummary: DeckSummary = {
  id: deckId('css'),
  title: 'CSS',
  topicCount: 2,
  quizItemCount: 0,
  studyCardIds: [cssCards.term, cssCards.recall, cssCards.other],
  cardCount: 3,
  topicCardIds: [[cssCards.term, cssCards.recall], [cssCards.other]],
};
