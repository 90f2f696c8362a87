import type { DeckSummary } from '../../src/domain/deck-summary';
import { cardId, deckId } from '../../src/domain/ids';
import { hashStrings } from '../../src/domain/string-hash';

/** A small deck's summary: two topics, three study cards, for tests of the deck list's counts. */
export const cssCards = {
  term: cardId('css/box-model:term'),
  recall: cardId('css/box-model:recall'),
  other: cardId('css/flexbox:term'),
};

const studyCardIds = [cssCards.term, cssCards.recall, cssCards.other];

export const cssDeckSummary: DeckSummary = {
  id: deckId('css'),
  title: 'CSS',
  topicCount: 2,
  quizItemCount: 0,
  studyCardIds,
  cardCount: 3,
  cardsFingerprint: hashStrings(studyCardIds),
  topicCardIds: [[cssCards.term, cssCards.recall], [cssCards.other]],
};
