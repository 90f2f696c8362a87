import type { CardControls, TopicNote } from '../domain/card-controls';
import { cardId, topicId } from '../domain/ids';
import { type FlagNumber, flagNumbers, type ProgressEvent } from '../domain/progress';
import { Invalid, type Parsed, parse, shown } from '../domain/validation/parsed';
import { parseProgressEvent } from '../domain/validation/progress-event';
import {
  fieldsOf,
  numberField,
  oneOf,
  optionalNumberField,
  textField,
} from '../domain/validation/record-fields';
import { keyPart } from './store-keys';

// The records only storage holds, checked against the keys they sit under. Every record read back
// passes a check before use: storage outlives code, and one bad record must not take the whole
// progress down with it. Events and settings are checked by `src/domain/validation`, which backups
// share.

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

function booleanField(fields: Readonly<Record<string, unknown>>, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean')
    throw new Invalid(`${name} is ${shown(value)}, not true or false`);
  return value;
}

/** `['controls', cardId]`: what the learner set on the card. */
export function parseControlsAt(value: unknown, key: IDBValidKey): Parsed<CardControls> {
  return parse(() => {
    const fields = fieldsOf(value, 'Card controls');
    const id = textField(fields, 'cardId');
    if (id !== keyPart(key, 1)) throw new Invalid(`cardId ${id} does not match its key`);
    const buriedUntilMillis = optionalNumberField(fields, 'buriedUntilMillis', 'finite');
    const flag =
      fields.flag === undefined ? undefined : oneOf<FlagNumber>(fields, 'flag', flagNumbers);
    return {
      cardId: cardId(id),
      suspended: booleanField(fields, 'suspended'),
      leech: booleanField(fields, 'leech'),
      ...(buriedUntilMillis !== undefined ? { buriedUntilMillis } : {}),
      ...(flag !== undefined ? { flag } : {}),
    };
  });
}

/** `['note', topicId]`: the topic's latest note. */
export function parseNoteAt(value: unknown, key: IDBValidKey): Parsed<TopicNote> {
  return parse(() => {
    const fields = fieldsOf(value, 'Note');
    const id = textField(fields, 'topicId');
    if (id !== keyPart(key, 1)) throw new Invalid(`topicId ${id} does not match its key`);
    if (typeof fields.text !== 'string') throw new Invalid(`text is ${shown(fields.text)}`);
    return {
      topicId: topicId(id),
      text: fields.text,
      atMillis: numberField(fields, 'atMillis', 'finite'),
    };
  });
}
