import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { Rating } from '../../src/domain/progress';
import { calibrationMetrics } from '../../src/eval/calibration-metrics';
import { evaluateScheduler, predictReviews } from '../../src/eval/evaluate-scheduler';
import type { LoggedReview } from '../../src/eval/review-log-csv';
import { createScheduler } from '../../src/scheduler/scheduler';

const day = 86_400_000;
const t0 = Date.UTC(2024, 3, 1, 8);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

const reviewsOf = (card: string, entries: [number, Rating][]): LoggedReview[] =>
  entries.map(([days, rating]) => ({
    cardId: cardId(card),
    rating,
    reviewedAtMillis: t0 + days * day,
    durationMillis: 1000,
  }));

// In time order: x0 y0 y1 x1 y2 x2 y3 x3 | x4 y4. Ten reviews, so the last two are scored.
const x = reviewsOf('x', [
  [0, 3],
  [1, 3],
  [2, 3],
  [3, 1],
  [4, 3],
]);
const y = reviewsOf('y', [
  [0.1, 3],
  [0.5, 3],
  [1.6, 1],
  [2.5, 3],
  [10, 1],
]);
// The file lists card y first: order in the file must not matter.
const log = [...y, ...x];

describe('predictReviews', () => {
  it("predicts each review from the card's earlier reviews only, none for the first", () => {
    const predicted = predictReviews(log, scheduler);
    expect(predicted.map((review) => review.cardId)).toEqual(
      ['x', 'y', 'y', 'x', 'y', 'x', 'y', 'x', 'x', 'y'].map(cardId),
    );
    expect(predicted[0]?.predicted).toBeUndefined();
    expect(predicted[1]?.predicted).toBeUndefined();
    const afterFirst = scheduler.review(undefined, cardId('x'), 3, t0);
    expect(predicted[3]?.predicted).toBe(scheduler.retrievability(afterFirst, t0 + day));
    expect(predicted[3]?.sincePreviousMillis).toBe(day);
    expect(predicted.map((review) => review.recalled)).toEqual([
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('evaluateScheduler', () => {
  const evaluation = evaluateScheduler(log, scheduler);

  it('scores the last 20% by time, a day or more after the previous review', () => {
    // x4 comes exactly a day after x3 and counts; y4 7.5 days after y3.
    expect(evaluation.reviews).toBe(10);
    expect(evaluation.evaluated).toBe(2);
    const predicted = predictReviews(log, scheduler);
    const scored = [predicted[8], predicted[9]].map((review) => ({
      predicted: review?.predicted ?? Number.NaN,
      recalled: review?.recalled ?? false,
    }));
    expect(evaluation.model).toEqual(calibrationMetrics(scored));
    // x4, recalled, gets about 0.92; y4, forgotten after 7.5 days, about 0.80: ranked right.
    expect(scored[0]?.predicted).toBeGreaterThan(scored[1]?.predicted ?? 1);
    expect(evaluation.model.auc).toBe(1);
  });

  it('sets the baseline to the recall rate of the earlier reviews scored by the same rule', () => {
    // Earlier 80%, a day apart or more: x1 (recalled), y2 (forgotten), x2 (recalled), x3
    // (forgotten); y1 (0.4 days) and y3 (0.9 days) are too close to their previous review.
    expect(evaluation.baselineRecall).toBe(0.5);
    expect(evaluation.baseline.logLoss).toBeCloseTo(Math.LN2, 12);
    expect(evaluation.baseline.auc).toBe(0.5);
    expect(evaluation.baseline.rmseBins).toBe(0);
  });

  it('takes another share and gap when asked', () => {
    const wider = evaluateScheduler(log, scheduler, { testFraction: 0.5, minGapMillis: 0 });
    // From index 5: x2 y3 x3 x4 y4, all with a prediction.
    expect(wider.evaluated).toBe(5);
    expect(() => evaluateScheduler(log, scheduler, { testFraction: 0 })).toThrow(RangeError);
  });
});
