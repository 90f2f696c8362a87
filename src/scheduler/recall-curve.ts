import type { CardState } from '../domain/progress';
import type { Scheduler } from './scheduler';

const dayMillis = 24 * 60 * 60 * 1000;

export interface RecallPoint {
  readonly dayOffset: number;
  /** Probability of recall, 0-1. */
  readonly recall: number;
}

/**
 * A card's predicted recall from `nowMillis` on, one point a day for `days` days after today's
 * (day 0 is now), if it is not reviewed meanwhile. Empty for a card never reviewed: it has no
 * memory to fade.
 */
export function recallCurve(
  recall: Pick<Scheduler, 'retrievability'>,
  state: CardState | undefined,
  nowMillis: number,
  days: number,
): RecallPoint[] {
  if (!state || state.phase === 'new' || state.lastReviewAtMillis === undefined) return [];
  return Array.from({ length: days + 1 }, (_, dayOffset) => ({
    dayOffset,
    recall: recall.retrievability(state, nowMillis + dayOffset * dayMillis),
  }));
}
