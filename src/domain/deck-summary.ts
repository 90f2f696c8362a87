import type { DeckId } from './ids';

/** What the deck list shows without loading a deck's cards. */
export interface DeckSummary {
  readonly id: DeckId;
  readonly title: string;
  readonly topicCount: number;
  readonly studyCardCount: number;
  readonly quizItemCount: number;
  /** True for a deck the learner imported in this browser; bundled decks leave it out. */
  readonly imported?: boolean;
}
