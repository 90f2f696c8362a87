import type { ProgressEvent } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { effectiveReviews } from '../scheduler/effective-reviews';
import type { DailyCounts } from './progress-repository';

/**
 * The day counts and the total as the log gives them: undone reviews do not count. Each review's
 * day is taken with today's day-start hour, as a commit would take it.
 */
export function countReviews(events: Iterable<ProgressEvent>, dayStartHour: number): DailyCounts {
  const reviews = effectiveReviews(events);
  const reviewsByDay = new Map<string, number>();
  for (const review of reviews) {
    const day = dayKey(review.reviewedAtMillis, dayStartHour);
    reviewsByDay.set(day, (reviewsByDay.get(day) ?? 0) + 1);
  }
  return { reviewsByDay, totalReviews: reviews.length };
}
