import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { fsrsRecall } from '../../src/scheduler/fsrs-recall';
import { recallCurve } from '../../src/scheduler/recall-curve';
import { createScheduler } from '../../src/scheduler/scheduler';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

describe('recallCurve', () => {
  it('is empty for a card never reviewed', () => {
    expect(recallCurve(fsrsRecall, undefined, now, 30)).toEqual([]);
  });

  it('falls day by day from the last review, to 90% at the stability', () => {
    const state = scheduler.review(undefined, cardId('t:term'), 4, now);
    const curve = recallCurve(fsrsRecall, state, now, 30);
    expect(curve).toHaveLength(31);
    expect(curve[0]).toEqual({ dayOffset: 0, recall: 1 });
    for (let index = 1; index < curve.length; index++) {
      expect(curve[index]?.recall).toBeLessThan(curve[index - 1]?.recall ?? 0);
    }
    const atStability = fsrsRecall.retrievability(state, now + state.stability * day);
    expect(atStability).toBeCloseTo(0.9, 5);
  });
});
