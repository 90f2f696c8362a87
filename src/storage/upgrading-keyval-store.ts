import type { UseStore } from 'idb-keyval';

/**
 * Opens `dbName` and resolves once it holds `storeName`. idb-keyval's `createStore` creates the
 * store only when it creates the database, so a database left without it (an older build, a
 * store deleted by hand) would fail every request; here a version upgrade adds the store. Rejects
 * when that upgrade waits on another tab's open connection: waiting could hang the page.
 */
function openWithStore(dbName: string, storeName: string, version?: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName, version);
    let gaveUp = false;
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) {
        request.result.createObjectStore(storeName);
      }
    };
    request.onblocked = () => {
      gaveUp = true;
      reject(
        new Error(
          `adding the ${storeName} store to ${dbName} waits for another tab of this app to close`,
        ),
      );
    };
    request.onsuccess = () => {
      // An upgrade that went ahead after we gave up: nobody uses this connection.
      if (gaveUp) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  }).then((db) => {
    if (db.objectStoreNames.contains(storeName)) return db;
    db.close();
    return openWithStore(dbName, storeName, db.version + 1);
  });
}

/**
 * An idb-keyval store whose database is checked, and repaired, when it opens. The connection
 * closes when another tab upgrades the database, so that this tab never blocks it, and reopens
 * on the next request.
 */
export function createUpgradingStore(dbName: string, storeName: string): UseStore {
  let opening: Promise<IDBDatabase> | undefined;
  const database = () => {
    opening ??= openWithStore(dbName, storeName).then(
      (db) => {
        const forget = () => {
          opening = undefined;
        };
        db.onversionchange = () => {
          db.close();
          forget();
        };
        db.onclose = forget;
        return db;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    );
    return opening;
  };
  return async (mode, callback) =>
    callback((await database()).transaction(storeName, mode).objectStore(storeName));
}
