import { emptyTally, type RetentionTally } from '../scheduler/retention-tally';
import type { DayRecord } from './record-validation';

/** What a day record holds once a commit has moved it. */
export type MovedDay = Pick<DayRecord, 'reviewCount' | 'retention'>;

/**
 * A day record after a commit: its count moved by `countDelta` (never below zero) and its tally
 * by the day's entry in `retentionDeltas`. A day without a record had no review, so its tally
 * starts from zero; a tally not known (a record written before tallies were kept, a damaged one,
 * or a delta the commit could not tell) stays unknown, for true retention to count from the logs.
 */
export function movedDayRecord(
  stored: MovedDay | 'damaged' | undefined,
  countDelta: number,
  retentionDeltas: ReadonlyMap<string, RetentionTally | undefined>,
  day: string,
): MovedDay {
  const known = stored === 'damaged' ? undefined : stored;
  const reviewCount = Math.max(0, (known?.reviewCount ?? 0) + countDelta);
  const base =
    stored === 'damaged'
      ? undefined
      : stored === undefined || stored.reviewCount === 0
        ? emptyTally
        : stored.retention;
  const delta = retentionDeltas.has(day) ? retentionDeltas.get(day) : emptyTally;
  if (base === undefined || delta === undefined) return { reviewCount, retention: undefined };
  const answers = Math.max(0, base.answers + delta.answers);
  const retained = Math.min(answers, Math.max(0, base.retained + delta.retained));
  return { reviewCount, retention: { answers, retained } };
}

/** A day record as stored. */
export function dayRecordValue(
  dayKey: string,
  reviewCount: number,
  retention: RetentionTally | undefined,
): object {
  return retention
    ? {
        dayKey,
        reviewCount,
        reviewPhaseAnswers: retention.answers,
        reviewPhaseRetained: retention.retained,
      }
    : { dayKey, reviewCount };
}
