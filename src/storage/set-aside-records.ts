import { defaultSettings, type Settings } from '../domain/progress';
import type { Parsed } from '../domain/validation/parsed';
import { parseSettings } from '../domain/validation/settings';
import type { TransactionScope } from './idb-transaction';
import type { CorruptRecord } from './progress-repository';
import { corruptKey, keyText, settingsKey } from './store-keys';

// Records that fail validation inside a transaction: kept at ['corrupt', key] and reported. Shared
// by start-up reads and by the log reads and writes that load later.

/** Where corrupt records found during one transaction are reported. */
export type CorruptList = CorruptRecord[];

/** Keeps a copy of a bad value at ['corrupt', key] and reports it; the caller repairs the key. */
export function keepAside<T>(
  scope: TransactionScope<T>,
  key: IDBValidKey,
  value: unknown,
  reason: string,
  corrupt: CorruptList,
): void {
  scope.store.put({ key, value, reason }, corruptKey(key));
  corrupt.push({ key: keyText(key), reason });
}

/** Moves a record to ['corrupt', key] and reports it. */
export function setAside<T>(
  scope: TransactionScope<T>,
  key: IDBValidKey,
  value: unknown,
  reason: string,
  corrupt: CorruptList,
): void {
  keepAside(scope, key, value, reason, corrupt);
  scope.store.delete(key);
}

/** The parsed value; undefined when there is none, and when it fails (it is then set aside). */
export function validOrSetAside<T, V>(
  scope: TransactionScope<T>,
  key: IDBValidKey,
  value: unknown,
  parse: (value: unknown) => Parsed<V>,
  corrupt: CorruptList,
): V | undefined {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  if (parsed.ok) return parsed.value;
  setAside(scope, key, value, parsed.reason, corrupt);
  return undefined;
}

/** Reads settings: defaults when none were saved, and when the saved ones are corrupt. */
export function readSettings<T>(
  scope: TransactionScope<T>,
  corrupt: CorruptList,
  next: (settings: Settings) => void,
): void {
  const request = scope.store.get(settingsKey);
  scope.afterAll([request], () => {
    next(
      validOrSetAside(scope, settingsKey, request.result, parseSettings, corrupt) ??
        defaultSettings,
    );
  });
}
