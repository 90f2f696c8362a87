import { changeStampKey } from './store-keys';

// A change stamp names the stored card states, controls and settings as they are: every
// transaction that changes any of them writes a new one. A record derived from them (the deck
// counts kept for the next start) carries the stamp it was derived at, and applies only while the
// store holds that stamp still. A stamp is random text, written without reading the last one.

/** The stamp of a store none was written to yet. */
const unstamped = 'unstamped';

/** The stamps a commit saw: the one it found, and the one it left (the same when it changed nothing). */
export interface ChangeStamps {
  readonly before: string;
  readonly after: string;
}

/** The stamp a read found. */
export function storedChangeStamp(value: unknown): string {
  return typeof value === 'string' ? value : unstamped;
}

const written = new WeakMap<IDBTransaction, string>();

/** Writes a new stamp, once per transaction, and returns it. */
export function stampChange(store: IDBObjectStore): string {
  let stamp = written.get(store.transaction);
  if (stamp === undefined) {
    stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    written.set(store.transaction, stamp);
    store.put(stamp, changeStampKey);
  }
  return stamp;
}

/** The stamps of a transaction that read `before` first: what it wrote since, or that again. */
export function changeStampsOf(store: IDBObjectStore, before: unknown): ChangeStamps {
  const found = storedChangeStamp(before);
  return { before: found, after: written.get(store.transaction) ?? found };
}

/**
 * The stamp a copy of the store now holds once a change with `stamps` is applied to a copy that
 * held `current`: undefined (not known) unless the change started from that very stamp.
 */
export function followedStamp(
  current: string | undefined,
  stamps: ChangeStamps | undefined,
): string | undefined {
  return current !== undefined && stamps?.before === current ? stamps.after : undefined;
}
