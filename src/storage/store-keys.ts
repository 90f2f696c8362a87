import type { CardId, TopicId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';

// The layout of the one `progress` object store. Keys are arrays so that each kind of record is
// one contiguous range: IndexedDB compares arrays element by element and sorts every string
// before every array, so [kind] < [kind, 'any', ...] < [kind, []]. All card states load with a
// few getAll over consecutive parts of ['states'], and one card's events with one getAll over
// ['event', cardId].
//
//   ['meta', 'schema']          schema version (a number)
//   ['meta', 'settings']        Settings
//   ['meta', 'totals']          { reviewCount }
//   ['meta', 'change-stamp']    text, new at every change of states, controls or settings
//                               (see change-stamp.ts)
//   ['meta', 'deck-counts']     DeckCountsRecord: the home page's counts for the next start,
//                               valid while the change stamp is the one it holds
//   ['states', pageIndex]       PackedStatePage: the card states whose ids hash to that page
//                               (see state-page.ts); ['state', cardId] held one each until v3
//   ['event', cardId, eventId]  ProgressEvent; the card id leads so a card's log is one range
//   ['day', 'YYYY-MM-DD']       { dayKey, reviewCount, reviewPhaseAnswers?, reviewPhaseRetained? }
//   ['controls', cardId]        CardControls: what the learner set on the card, when anything
//   ['note', topicId]           TopicNote: the topic's latest note
//   ['corrupt', keyAsJson]      { key, value, reason }: a record that failed validation; the
//                               key as JSON text, since an array there would leave the range

export type RecordKind =
  | 'meta'
  | 'state'
  | 'states'
  | 'event'
  | 'day'
  | 'controls'
  | 'note'
  | 'corrupt';

/** A stored record as read: its key and its value, unchecked. */
export interface StoredEntry {
  readonly key: IDBValidKey;
  readonly value: unknown;
}

/** A key as text, to compare keys and to name a record in reports. */
export const keyText = (key: IDBValidKey): string => JSON.stringify(key);

export const schemaVersionKey = ['meta', 'schema'];
export const settingsKey = ['meta', 'settings'];
export const totalsKey = ['meta', 'totals'];
export const changeStampKey = ['meta', 'change-stamp'];
export const deckCountsKey = ['meta', 'deck-counts'];

/** Schema version 2's key of one card's state; kept for the migration to pages. */
export const stateKey = (cardId: CardId): IDBValidKey[] => ['state', cardId];
export const statePageKey = (pageIndex: number): IDBValidKey[] => ['states', pageIndex];
export const eventKey = (event: ProgressEvent): IDBValidKey[] => ['event', event.cardId, event.id];
export const dayRecordKey = (dayKey: string): IDBValidKey[] => ['day', dayKey];
export const controlsKey = (cardId: CardId): IDBValidKey[] => ['controls', cardId];
export const noteKey = (topicId: TopicId): IDBValidKey[] => ['note', topicId];
export const corruptKey = (key: IDBValidKey): IDBValidKey[] => ['corrupt', keyText(key)];

export function kindRange(kind: RecordKind): IDBKeyRange {
  return IDBKeyRange.bound([kind], [kind, []]);
}

/**
 * The keys of `kindRange(kind)` in consecutive ranges, split before `[kind, at]` for each of
 * `splits` (ascending): together they hold exactly the keys that range holds.
 */
export function kindRangesSplitAt(kind: RecordKind, splits: readonly number[]): IDBKeyRange[] {
  const bounds: IDBValidKey[] = [[kind], ...splits.map((at) => [kind, at]), [kind, []]];
  return bounds.slice(0, -1).map((lower, index) => {
    const last = index === bounds.length - 2;
    return IDBKeyRange.bound(lower, bounds[index + 1] as IDBValidKey, false, !last);
  });
}

export function cardEventsRange(cardId: CardId): IDBKeyRange {
  return IDBKeyRange.bound(['event', cardId], ['event', cardId, []]);
}

/** The element at `index` of an array key when it is a number, e.g. the index of a state page. */
export function numericKeyPart(key: IDBValidKey, index: number): number | undefined {
  if (!Array.isArray(key)) return undefined;
  const part: unknown = key[index];
  return typeof part === 'number' ? part : undefined;
}

/** The element at `index` of an array key when it is a string, e.g. the card id of an event key. */
export function keyPart(key: IDBValidKey, index: number): string | undefined {
  if (!Array.isArray(key)) return undefined;
  const part: unknown = key[index];
  return typeof part === 'string' ? part : undefined;
}
