import type { CardId, DeckId } from './ids';

/**
 * What the deck list needs without loading a deck: its counts and mastery come from these ids
 * and the stored card states, so the home page never downloads a deck's text.
 */
export interface DeckSummary {
  readonly id: DeckId;
  readonly title: string;
  readonly topicCount: number;
  readonly quizItemCount: number;
  /** `term` and `recall` cards in deck order. */
  readonly studyCardIds: readonly CardId[];
  /**
   * `studyCardIds.length`. A bundled deck's ids are read from the app's code when first asked
   * for: the deck list shows this count without reading them.
   */
  readonly cardCount: number;
  /**
   * `hashStrings(studyCardIds)`, taken when the deck is compiled: the deck counts kept for the
   * next start apply only to the same cards, and the home page checks that without their ids.
   */
  readonly cardsFingerprint: number;
  /** Each topic's cards, quiz included, in topic order. */
  readonly topicCardIds: readonly (readonly CardId[])[];
  /** True for a deck the learner imported in this browser; bundled decks leave it out. */
  readonly imported?: boolean;
}
