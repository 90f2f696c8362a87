import { cardId } from '../../src/domain/ids';
import type { CardState } from '../../src/domain/progress';

/** A card in the review phase, with every field a stored state has set. */
export const reviewState = (id: string, overrides: Partial<CardState> = {}): CardState => ({
  cardId: cardId(id),
  dueAtMillis: 1_780_000_000_000,
  stability: 12.25,
  difficulty: 5.5,
  elapsedDays: 3,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 4,
  lapses: 1,
  phase: 'review',
  lastReviewAtMillis: 1_779_000_000_000,
  firstReviewAtMillis: 1_770_000_000_000,
  lastDueReviewAtMillis: 1_779_000_000_000,
  ...overrides,
});
