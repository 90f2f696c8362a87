import { type CardId, cardId } from '../domain/ids';
import {
  defaultSettings,
  desiredRetentionRange,
  learnAheadRange,
  masteryHorizonRange,
  type ProgressEvent,
  quizLengthRange,
  type Rating,
  ratings,
  type Settings,
} from '../domain/progress';
import { keyPart } from './store-keys';

// Every record read back from storage (or brought in by a backup) passes one of these before use:
// storage outlives code, and one bad record must not take the whole progress down with it. Each
// validator copies the fields it knows, so stray extra fields never travel further.

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

class InvalidRecord extends Error {}

type Fields = Readonly<Record<string, unknown>>;

/** A value as a reason can quote it: short, and never throwing on what JSON cannot hold. */
function shown(value: unknown): string {
  // JSON shows Infinity and NaN as null: the number itself says what was wrong.
  if (typeof value === 'number') return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function fieldsOf(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRecord(`${what} is not an object`);
  }
  return value as Fields;
}

function numberField(
  fields: Fields,
  name: string,
  rule: 'finite' | 'non-negative' | 'count',
): number {
  const value = fields[name];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule === 'finite' || value >= 0) &&
    (rule !== 'count' || Number.isInteger(value));
  if (!ok) {
    const expected = {
      finite: 'a finite number',
      'non-negative': 'a number ≥ 0',
      count: 'a whole number ≥ 0',
    };
    throw new InvalidRecord(`${name} is ${shown(value)}, not ${expected[rule]}`);
  }
  return value;
}

function optionalNumberField(
  fields: Fields,
  name: string,
  rule: 'finite' | 'count',
): number | undefined {
  return fields[name] === undefined ? undefined : numberField(fields, name, rule);
}

function textField(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') {
    throw new InvalidRecord(`${name} is ${shown(value)}, not a text`);
  }
  return value;
}

function oneOf<T extends string | number>(fields: Fields, name: string, allowed: readonly T[]): T {
  const value = fields[name];
  if (!allowed.includes(value as T)) {
    throw new InvalidRecord(`${name} is ${shown(value)}, not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A whole number within `range`; absent (a record stored before the field existed) is `fallback`. */
function countInRange(
  fields: Fields,
  name: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  const value = fields[name] === undefined ? fallback : numberField(fields, name, 'count');
  if (value < range.min || value > range.max) {
    throw new InvalidRecord(`${name} ${value} is not ${range.min}-${range.max}`);
  }
  return value;
}

function parse<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof InvalidRecord) return { ok: false, reason: error.message };
    throw error;
  }
}

function expectCard(actual: CardId, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new InvalidRecord(`cardId ${actual} does not match its key's ${expected}`);
  }
}

export function parseProgressEvent(value: unknown, expectedCardId?: string): Parsed<ProgressEvent> {
  return parse((): ProgressEvent => {
    const fields = fieldsOf(value, 'Event');
    const kind = oneOf(fields, 'kind', ['review', 'undo'] as const);
    const id = textField(fields, 'id');
    const eventCardId = cardId(textField(fields, 'cardId'));
    expectCard(eventCardId, expectedCardId);
    if (kind === 'undo') {
      return {
        kind,
        id,
        cardId: eventCardId,
        cancelsEventId: textField(fields, 'cancelsEventId'),
        undoneAtMillis: numberField(fields, 'undoneAtMillis', 'finite'),
      };
    }
    const pickedOptionIndex = optionalNumberField(fields, 'pickedOptionIndex', 'count');
    return {
      kind,
      id,
      cardId: eventCardId,
      rating: oneOf<Rating>(fields, 'rating', ratings),
      reviewedAtMillis: numberField(fields, 'reviewedAtMillis', 'finite'),
      durationMillis: numberField(fields, 'durationMillis', 'non-negative'),
      source: oneOf(fields, 'source', ['study', 'quiz'] as const),
      ...(pickedOptionIndex !== undefined ? { pickedOptionIndex } : {}),
    };
  });
}

export function parseSettings(value: unknown): Parsed<Settings> {
  return parse(() => {
    const fields = fieldsOf(value, 'Settings');
    const desiredRetention = numberField(fields, 'desiredRetention', 'finite');
    if (
      desiredRetention < desiredRetentionRange.min ||
      desiredRetention > desiredRetentionRange.max
    ) {
      throw new InvalidRecord(
        `desiredRetention ${desiredRetention} is outside ${desiredRetentionRange.min}-${desiredRetentionRange.max}`,
      );
    }
    const dayStartHour = numberField(fields, 'dayStartHour', 'count');
    if (dayStartHour > 23) throw new InvalidRecord(`dayStartHour ${dayStartHour} is not 0-23`);
    const maxIntervalDays = numberField(fields, 'maxIntervalDays', 'count');
    if (maxIntervalDays < 1 || maxIntervalDays > 36500) {
      throw new InvalidRecord(`maxIntervalDays ${maxIntervalDays} is not 1-36500`);
    }
    // Settings stored before quizzes existed have no quiz length: they get the default.
    const quizLength =
      fields.quizLength === undefined
        ? defaultSettings.quizLength
        : numberField(fields, 'quizLength', 'count');
    if (quizLength < quizLengthRange.min || quizLength > quizLengthRange.max) {
      throw new InvalidRecord(
        `quizLength ${quizLength} is not ${quizLengthRange.min}-${quizLengthRange.max}`,
      );
    }
    // Older settings records lack these three: they get the defaults.
    const siblingsWait = fields.siblingsWait ?? defaultSettings.siblingsWait;
    if (typeof siblingsWait !== 'boolean') {
      throw new InvalidRecord(`siblingsWait is ${shown(siblingsWait)}, not true or false`);
    }
    return {
      quizLength,
      siblingsWait,
      learnAheadMinutes: countInRange(
        fields,
        'learnAheadMinutes',
        learnAheadRange,
        defaultSettings.learnAheadMinutes,
      ),
      masteryHorizonDays: countInRange(
        fields,
        'masteryHorizonDays',
        masteryHorizonRange,
        defaultSettings.masteryHorizonDays,
      ),
      desiredRetention,
      dayStartHour,
      newPerDay: numberField(fields, 'newPerDay', 'count'),
      reviewsPerDay: numberField(fields, 'reviewsPerDay', 'count'),
      maxIntervalDays,
    };
  });
}

/** Valid settings, or a RangeError that starts with `action`. */
export function requireSettings(value: unknown, action: string): Settings {
  const parsed = parseSettings(value);
  if (!parsed.ok) throw new RangeError(`${action} failed: ${parsed.reason}`);
  return parsed.value;
}

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
      throw new InvalidRecord(`dayKey ${dayKey} does not match its key's ${expectedDayKey}`);
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
      throw new InvalidRecord(`Schema version ${shown(value)} is not a whole number ≥ 1`);
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

/** A stored event, checked against the card and the id its key names. */
export function parseEventAt(value: unknown, key: IDBValidKey): Parsed<ProgressEvent> {
  const id = keyPart(key, 1);
  const parsed =
    id === undefined
      ? ({ ok: false, reason: 'the key names no card' } as const)
      : parseProgressEvent(value, id);
  if (parsed.ok && keyPart(key, 2) !== parsed.value.id) {
    return { ok: false, reason: `id ${parsed.value.id} does not match its key` };
  }
  return parsed;
}
