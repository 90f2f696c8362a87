import type { UseStore } from 'idb-keyval';

let count = 0;
/** A database name no other test uses: fake-indexeddb keeps every database for the whole run. */
export const freshDatabaseName = (label: string) => `${label}-${++count}`;

/** Opens a database with the `progress` store ourselves, to be able to close it under a repository. */
export function openRawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.result.createObjectStore('progress');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** An idb-keyval store over an open database, like `createStore` but with the database in hand. */
export function storeOver(db: IDBDatabase): UseStore {
  return async (mode, callback) =>
    callback(db.transaction('progress', mode).objectStore('progress'));
}

/** A store whose `put` throws the browser's quota error while `failing()` says so. */
export function storeFailingPuts(store: UseStore, failing: () => boolean): UseStore {
  return (mode, callback) =>
    store(mode, (objectStore) =>
      callback(
        new Proxy(objectStore, {
          get(target, property) {
            if (property === 'put' && failing()) {
              return () => {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              };
            }
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
      ),
    );
}
