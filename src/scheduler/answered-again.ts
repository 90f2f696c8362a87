import type { CardId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import { effectiveReviews } from './effective-reviews';

/**
 * The study cards answered Again from `sinceMillis` to `nowMillis`, in deck order. A lapse is an
 * Again on a review card, so lapses are among them; an undone answer is not.
 */
export function answeredAgainSince(
  studyCardIds: readonly CardId[],
  events: Iterable<ProgressEvent>,
  sinceMillis: number,
  nowMillis: number,
): CardId[] {
  const missed = new Set<CardId>();
  for (const review of effectiveReviews(events)) {
    const at = review.reviewedAtMillis;
    if (review.rating === 1 && at >= sinceMillis && at <= nowMillis) missed.add(review.cardId);
  }
  return [...new Set(studyCardIds)].filter((id) => missed.has(id));
}
