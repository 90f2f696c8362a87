import { Invalid, type Parsed, parse, shown } from '../domain/validation/parsed';
import { fieldsOf, numberField, textField } from '../domain/validation/record-fields';
import { keyPart } from './store-keys';

// The records only storage holds, checked against the keys they sit under. Every record read back
// passes a check before use: storage outlives code, and one bad record must not take the whole
// progress down with it. Events and settings are checked by `src/domain/validation`, which backups
// share; stored events by `event-record-validation.ts`, controls and notes by `card-extras-reads.ts`.

/** `['day', dayKey]`: reviews that count, made on that study day. */
export interface DayRecord {
  readonly dayKey: string;
  readonly reviewCount: number;
}

export function parseDayRecord(value: unknown, expectedDayKey: string): Parsed<DayRecord> {
  return parse(() => {
    const fields = fieldsOf(value, 'Day record');
    const dayKey = textField(fields, 'dayKey');
    if (dayKey !== expectedDayKey) {
      throw new Invalid(`dayKey ${dayKey} does not match its key's ${expectedDayKey}`);
    }
    return { dayKey, reviewCount: numberField(fields, 'reviewCount', 'count') };
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
