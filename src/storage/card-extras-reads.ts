import type { UseStore } from 'idb-keyval';
import type { CardControls, TopicNote } from '../domain/card-controls';
import { type CardId, cardId, type TopicId, topicId } from '../domain/ids';
import { type FlagNumber, flagNumbers } from '../domain/progress';
import { Invalid, type Parsed, parse, shown } from '../domain/validation/parsed';
import {
  fieldsOf,
  numberField,
  oneOf,
  optionalNumberField,
  textField,
} from '../domain/validation/record-fields';
import { runTransaction, type TransactionScope } from './idb-transaction';
import type { CardExtras, CorruptRecord } from './progress-repository';
import { controlsKey, keyPart, kindRange, noteKey } from './store-keys';

// Controls and notes as start-up and other tabs' commits read them. Both are few (only cards the
// learner set something on, only topics with a note), so start-up reads them whole, in a
// transaction of their own that runs beside the main read while this module loads. A record that
// fails validation is set aside and listed; `Check and repair` rebuilds it from the log.

const notePrefix = 'note:';

/** The topic whose note log this is, if it is one (see `noteOwnerId`). */
const noteTopicOf = (id: CardId): TopicId | undefined =>
  id.startsWith(notePrefix) ? topicId(id.slice(notePrefix.length)) : undefined;

/** Parses values read under their keys, setting aside those that fail. */
function validRecords<V>(
  scope: TransactionScope<unknown>,
  keys: readonly IDBValidKey[],
  values: readonly unknown[],
  parse: (
    value: unknown,
    key: IDBValidKey,
  ) => { ok: true; value: V } | { ok: false; reason: string },
): V[] {
  const valid: V[] = [];
  keys.forEach((key, index) => {
    const value = values[index];
    if (value === undefined) return;
    const parsed = parse(value, key);
    if (parsed.ok) valid.push(parsed.value);
    else scope.quarantine.setAside(key, value, parsed.reason);
  });
  return valid;
}

function extrasOf(controls: readonly CardControls[], notes: readonly TopicNote[]): CardExtras {
  return {
    controls: new Map(controls.map((record) => [record.cardId, record])),
    notes: new Map(notes.map((note) => [note.topicId, note])),
  };
}

/** Every stored control and note (start-up's read), with what failed validation. */
export function readAllExtras(
  database: UseStore,
): Promise<{ extras: CardExtras; corrupt: readonly CorruptRecord[] }> {
  return runTransaction(database, 'readwrite', 'Loading card controls and notes', (scope) => {
    readAllExtrasIn(scope, (extras) => scope.finish({ extras, corrupt: scope.quarantine.records }));
  });
}

function readAllExtrasIn<T>(scope: TransactionScope<T>, next: (extras: CardExtras) => void): void {
  const { store } = scope;
  const requests = (['controls', 'note'] as const).map((kind) => ({
    values: store.getAll(kindRange(kind)),
    keys: store.getAllKeys(kindRange(kind)),
  }));
  const [controls, notes] = requests as [(typeof requests)[number], (typeof requests)[number]];
  scope.afterAll([controls.values, controls.keys, notes.values, notes.keys], () => {
    next(
      extrasOf(
        validRecords(scope, controls.keys.result, controls.values.result, parseControlsAt),
        validRecords(scope, notes.keys.result, notes.values.result, parseNoteAt),
      ),
    );
  });
}

/** The controls of these cards, and the notes of the note logs among them. */
export function readExtrasFor(database: UseStore, cardIds: readonly CardId[]): Promise<CardExtras> {
  return runTransaction(database, 'readwrite', 'Reading card controls', (scope) => {
    const keys = cardIds.map((id) => {
      const topic = noteTopicOf(id);
      return topic ? noteKey(topic) : controlsKey(id);
    });
    const requests = keys.map((key) => scope.store.get(key));
    scope.afterAll(requests, () => {
      const values = requests.map((request): unknown => request.result);
      const isNote = keys.map((key) => Array.isArray(key) && key[0] === 'note');
      const pick = (note: boolean) => ({
        keys: keys.filter((_, index) => isNote[index] === note),
        values: values.filter((_, index) => isNote[index] === note),
      });
      const controls = pick(false);
      const notes = pick(true);
      scope.finish(
        extrasOf(
          validRecords(scope, controls.keys, controls.values, parseControlsAt),
          validRecords(scope, notes.keys, notes.values, parseNoteAt),
        ),
      );
    });
  });
}

function booleanField(fields: Readonly<Record<string, unknown>>, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean')
    throw new Invalid(`${name} is ${shown(value)}, not true or false`);
  return value;
}

/** `['controls', cardId]`: what the learner set on the card. */
function parseControlsAt(value: unknown, key: IDBValidKey): Parsed<CardControls> {
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
function parseNoteAt(value: unknown, key: IDBValidKey): Parsed<TopicNote> {
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
