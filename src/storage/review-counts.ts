import type { ProgressEvent } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { effectiveReviews } from '../scheduler/effective-reviews';
import type { DailyCounts } from './progress-repository';

/**
 * The day counts and the total as the log gives them: undone reviews do not count. Each review's
 * day is taken with today's day-start hour, as a commit would take it.
 */
export function countReviews(events: Iterable<ProgressEvent>, dayStartHour: number): DailyCounts {
  const reviewsByDay = new Map<string, number>();
  const totalReviews = addReviewCounts(reviewsByDay, events, dayStartHour);
  return { reviewsByDay, totalReviews };
}

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
