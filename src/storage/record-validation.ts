import { Invalid, type Parsed, parse, shown } from '../domain/validation/parsed';
import {
  fieldsOf,
  numberField,
  optionalNumberField,
  textField,
} from '../domain/validation/record-fields';
import type { RetentionTally } from '../scheduler/retention-tally';
import { keyPart } from './store-keys';

// The records only storage holds, checked against the keys they sit under. Every record read back
// passes a check before use: storage outlives code, and one bad record must not take the whole
// progress down with it. Events and settings are checked by `src/domain/validation`, which backups
// share; stored events by `event-record-validation.ts`, controls and notes by `card-extras-reads.ts`.

/**
 * `['day', dayKey]`: reviews that count, made on that study day, and the day's true-retention
 * tally as `reviewPhaseAnswers` and `reviewPhaseRetained` (absent when not known: a day written
 * before the tally was kept, or whose tally a repair gave up).
 */
export interface DayRecord {
  readonly dayKey: string;
  readonly reviewCount: number;
  readonly retention: RetentionTally | undefined;
}

export function parseDayRecord(value: unknown, expectedDayKey: string): Parsed<DayRecord> {
  return parse(() => {
    const fields = fieldsOf(value, 'Day record');
    const dayKey = textField(fields, 'dayKey');
    if (dayKey !== expectedDayKey) {
      throw new Invalid(`dayKey ${dayKey} does not match its key's ${expectedDayKey}`);
    }
    const reviewCount = numberField(fields, 'reviewCount', 'count');
    const answers = optionalNumberField(fields, 'reviewPhaseAnswers', 'count');
    const retained = optionalNumberField(fields, 'reviewPhaseRetained', 'count');
    if (answers === undefined && retained === undefined) {
      return { dayKey, reviewCount, retention: undefined };
    }
    // Both or neither, and no more retained than answered.
    if (answers === undefined || retained === undefined || retained > answers) {
      throw new Invalid(`reviewPhaseRetained ${retained} of reviewPhaseAnswers ${answers}`);
    }
    return { dayKey, reviewCount, retention: { answers, retained } };
  });
}

/** `['meta', 'totals']`: the running total of reviews that count. */
export interface TotalsRecord {
  readonly reviewCount: number;
}

export function parseTotals(value: unknown): Parsed<TotalsRecord> {
  return parse(() => ({
    reviewCount: numberField(fieldsOf(value, 'Totals'), 'reviewCount', 'count'),
  }));
}

export function parseSchemaVersion(value: unknown): Parsed<number> {
  return parse(() => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Invalid(`Schema version ${shown(value)} is not a whole number ≥ 1`);
    }
    return value;
  });
}

/** A stored day record, checked against the day its key names. */
export function parseDayAt(value: unknown, key: IDBValidKey): Parsed<DayRecord> {
  const day = keyPart(key, 1);
  return day === undefined
    ? { ok: false as const, reason: 'the key names no day' }
    : parseDayRecord(value, day);
}
