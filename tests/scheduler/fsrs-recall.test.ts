import { describe, expect, it } from 'vitest';
import { fsrsRecall } from '../../src/scheduler/fsrs-recall';
import { createScheduler } from '../../src/scheduler/scheduler';
import { cardState } from './card-states';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);

describe('fsrsRecall', () => {
  it('gives the recall of the full scheduler, whatever its desired retention', () => {
    const schedulers = [0.8, 0.9, 0.95].map((desiredRetention) =>
      createScheduler({ desiredRetention, fuzz: false }),
    );
    for (const [stability, elapsedDays] of [
      [0.5, 0.1],
      [10, 10],
      [3, 40],
      [200, 365],
    ] as const) {
      const state = cardState('t:term', 'review', now, {
        stability,
        lastReviewAtMillis: now - elapsedDays * day,
      });
      const recall = fsrsRecall.retrievability(state, now);
      for (const scheduler of schedulers) {
        expect(recall).toBe(scheduler.retrievability(state, now));
      }
    }
    // Reviewed exactly one stability ago: 0.9 by FSRS's definition of stability.
    const oneStability = cardState('t:term', 'review', now, {
      stability: 10,
      lastReviewAtMillis: now - 10 * day,
    });
    expect(fsrsRecall.retrievability(oneStability, now)).toBeCloseTo(0.9, 10);
    expect(fsrsRecall.retrievability(undefined, now)).toBe(0);
  });
});
