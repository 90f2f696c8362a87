import { dayKey } from './day-boundary';
import type { PhasedReview } from './replay-card';

/**
 * A study day's answers to cards in the review phase, and how many of them were not Again: the
 * parts of true retention, kept beside the day's review count at each commit.
 */
export interface RetentionTally {
  readonly answers: number;
  readonly retained: number;
}

export const emptyTally: RetentionTally = { answers: 0, retained: 0 };

/** Two tallies added up. */
export function sumTallies(a: RetentionTally, b: RetentionTally): RetentionTally {
  return { answers: a.answers + b.answers, retained: a.retained + b.retained };
}

const isReviewPhase = (review: PhasedReview) => review.phaseBefore === 'review';

function addTo(
  byDay: Map<string, RetentionTally>,
  day: string,
  answers: number,
  retained: number,
): void {
  byDay.set(day, sumTallies(byDay.get(day) ?? emptyTally, { answers, retained }));
}

/** Each study day's tally of these reviews; days without a review-phase answer are left out. */
export function retentionByDay(
  reviews: Iterable<PhasedReview>,
  dayStartHour: number,
): Map<string, RetentionTally> {
  const byDay = new Map<string, RetentionTally>();
  for (const review of reviews) {
    if (!isReviewPhase(review)) continue;
    addTo(byDay, dayKey(review.reviewedAtMillis, dayStartHour), 1, review.rating > 1 ? 1 : 0);
  }
  return byDay;
}

/**
 * How a card's tallies move when its replay goes from `before` to `after`: a new review-phase
 * answer adds to its day, an undone one comes off, and a review an earlier merged event moved in
 * or out of the review phase moves with it. Only days that change are listed.
 */
export function retentionDeltasBetween(
  before: readonly PhasedReview[],
  after: readonly PhasedReview[],
  dayStartHour: number,
): Map<string, RetentionTally> {
  const key = (review: PhasedReview) => `${review.id} ${review.phaseBefore}`;
  const beforeKeys = new Set(before.filter(isReviewPhase).map(key));
  const afterKeys = new Set(after.filter(isReviewPhase).map(key));
  const deltas = new Map<string, RetentionTally>();
  const shift = (review: PhasedReview, by: 1 | -1) =>
    addTo(deltas, dayKey(review.reviewedAtMillis, dayStartHour), by, review.rating > 1 ? by : 0);
  for (const review of after)
    if (isReviewPhase(review) && !beforeKeys.has(key(review))) shift(review, 1);
  for (const review of before) {
    if (isReviewPhase(review) && !afterKeys.has(key(review))) shift(review, -1);
  }
  for (const [day, delta] of deltas)
    if (delta.answers === 0 && delta.retained === 0) deltas.delete(day);
  return deltas;
}
