import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import type { Scheduler } from '../scheduler/scheduler';
import {
  type CalibrationMetrics,
  calibrationMetrics,
  type Prediction,
} from './calibration-metrics';
import type { LoggedReview } from './review-log-csv';

const dayMillis = 24 * 60 * 60 * 1000;

export interface PredictedReview {
  readonly cardId: CardId;
  readonly reviewedAtMillis: number;
  readonly recalled: boolean;
  /** The scheduler's recall probability just before the review; absent for a card's first. */
  readonly predicted?: number;
  /** Time since the card's previous review; absent for its first. */
  readonly sincePreviousMillis?: number;
}

type Predictor = Pick<Scheduler, 'review' | 'retrievability'>;

/**
 * Every review in time order (file order among equal times), each with what the scheduler
 * predicted from the card's earlier reviews alone. Replaying all cards together in time order is
 * the same as replaying each card's reviews in turn: a card's state depends on its own reviews.
 */
export function predictReviews(
  reviews: readonly LoggedReview[],
  scheduler: Predictor,
): PredictedReview[] {
  // Array#sort is stable: reviews at the same instant keep their order in the file.
  const ordered = [...reviews].sort((a, b) => a.reviewedAtMillis - b.reviewedAtMillis);
  const states = new Map<CardId, CardState>();
  return ordered.map((review): PredictedReview => {
    const before = states.get(review.cardId);
    states.set(
      review.cardId,
      scheduler.review(before, review.cardId, review.rating, review.reviewedAtMillis),
    );
    const recalled = review.rating > 1;
    if (before?.lastReviewAtMillis === undefined) {
      return { cardId: review.cardId, reviewedAtMillis: review.reviewedAtMillis, recalled };
    }
    return {
      cardId: review.cardId,
      reviewedAtMillis: review.reviewedAtMillis,
      recalled,
      predicted: scheduler.retrievability(before, review.reviewedAtMillis),
      sincePreviousMillis: review.reviewedAtMillis - before.lastReviewAtMillis,
    };
  });
}

export interface EvaluationOptions {
  /** The share of reviews, latest by time, that is scored; 0.2 by default. */
  readonly testFraction?: number;
  /**
   * Reviews closer than this to the card's previous one are not scored; a day by default.
   * Same-day learning steps test short-term memory, which FSRS's forgetting curve does not model.
   */
  readonly minGapMillis?: number;
}

export interface SchedulerEvaluation {
  /** Reviews read. */
  readonly reviews: number;
  /** Reviews scored: in the latest share, with a prediction, at least the gap after the last. */
  readonly evaluated: number;
  readonly model: CalibrationMetrics;
  /** A constant: the recall rate of the earlier reviews that qualify for scoring. */
  readonly baseline: CalibrationMetrics;
  readonly baselineRecall: number;
}

/**
 * Scores the scheduler's predictions on the latest 20% of the reviews by time (from index
 * floor(0.8 n) of the time-sorted reviews) against a baseline that always predicts one number.
 *
 * The baseline is the recall rate of the first 80% of reviews counted by the same rule as the
 * scored ones (a prediction exists, a day or more since the card's previous review): the best
 * constant a learner could know beforehand for that kind of review. Counting every early review
 * would pull it down with same-day learning steps, a weaker and less honest opponent. A constant
 * ranks nothing, so its AUC is 0.5 by the tie rule.
 */
export function evaluateScheduler(
  reviews: readonly LoggedReview[],
  scheduler: Predictor,
  options: EvaluationOptions = {},
): SchedulerEvaluation {
  const testFraction = options.testFraction ?? 0.2;
  const minGapMillis = options.minGapMillis ?? dayMillis;
  if (!(testFraction > 0 && testFraction <= 1)) {
    throw new RangeError(`Test share ${testFraction} is not in (0, 1]`);
  }
  const predicted = predictReviews(reviews, scheduler);
  const cut = Math.floor((1 - testFraction) * predicted.length);

  const train: Prediction[] = [];
  const test: Prediction[] = [];
  predicted.forEach((review, index) => {
    if (review.predicted === undefined || (review.sincePreviousMillis ?? 0) < minGapMillis) return;
    (index < cut ? train : test).push({
      predicted: review.predicted,
      recalled: review.recalled,
    });
  });

  const baselineRecall =
    train.length === 0 ? Number.NaN : train.filter((entry) => entry.recalled).length / train.length;
  return {
    reviews: reviews.length,
    evaluated: test.length,
    model: calibrationMetrics(test),
    baseline: calibrationMetrics(
      test.map((entry) => ({ predicted: baselineRecall, recalled: entry.recalled })),
    ),
    baselineRecall,
  };
}
