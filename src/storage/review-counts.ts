import type { ProgressEvent } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { effectiveReviews } from '../scheduler/effective-reviews';

/** Adds the reviews of these events that count to their days; returns how many counted. */
export function addReviewCounts(
  reviewsByDay: Map<string, number>,
  events: Iterable<ProgressEvent>,
  dayStartHour: number,
): number {
  const reviews = effectiveReviews(events);
  for (const review of reviews) {
    const day = dayKey(review.reviewedAtMillis, dayStartHour);
    reviewsByDay.set(day, (reviewsByDay.get(day) ?? 0) + 1);
  }
  return reviews.length;
}
