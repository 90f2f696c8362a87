import { isObject, type Parsed } from '../domain/validation/parsed';
import { stampChange } from './change-stamp';
import type { CorruptRecord } from './progress-repository';
import { corruptKey, keyText } from './store-keys';

/** A record an earlier transaction set aside, as the report lists it. */
export function describeSetAside(record: unknown): CorruptRecord {
  const fields = isObject(record) ? record : {};
  return {
    key: keyText((fields.key as IDBValidKey | undefined) ?? 'unknown'),
    reason: typeof fields.reason === 'string' ? fields.reason : 'unknown',
  };
}

/**
 * What one transaction set aside: each record that failed validation is kept at ['corrupt', key],
 * so nothing is lost, and listed in `records` for the report. The caller repairs the key. Every
 * transaction has its own (`TransactionScope.quarantine`), so reads deep in a transaction set
 * records aside without being handed a list.
 */
export class Quarantine {
  readonly records: CorruptRecord[] = [];
  private readonly store: IDBObjectStore;

  constructor(store: IDBObjectStore) {
    this.store = store;
  }

  /** Keeps a copy of a bad value aside, leaving the record where it is (a broken entry of a page). */
  keepCopy(key: IDBValidKey, value: unknown, reason: string): void {
    this.store.put({ key, value, reason }, corruptKey(key));
    this.records.push({ key: keyText(key), reason });
  }

  /** Moves a record aside: what the store holds changes, and so does its change stamp. */
  setAside(key: IDBValidKey, value: unknown, reason: string): void {
    this.keepCopy(key, value, reason);
    this.store.delete(key);
    stampChange(this.store);
  }

  /** The parsed value; undefined when there is none, and when it fails (it is then set aside). */
  validOrSetAside<V>(
    key: IDBValidKey,
    value: unknown,
    parse: (value: unknown) => Parsed<V>,
  ): V | undefined {
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    this.setAside(key, value, parsed.reason);
    return undefined;
  }
}
