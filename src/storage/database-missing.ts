/**
 * Where the page's start hints (`scripts/build/vite-plugin-start-hints.ts`) leave the listing of
 * this origin's databases they asked for as the page began, before the entry had arrived: the
 * browser takes tens of milliseconds to answer on a new profile, and the first screen waits for it.
 */
export const earlyListingKey = 'recallmapDatabaseListing';

type WithEarlyListing = typeof globalThis & {
  [earlyListingKey]?: Promise<IDBDatabaseInfo[]>;
};

let listing: Promise<IDBDatabaseInfo[]> | undefined;

/**
 * This origin's databases. Calls made while a listing is under way share it: at start-up the deck
 * list and stored progress each ask, and a second listing would wait for the first. The start
 * hints' listing serves the first call only: any later one asks the browser again.
 */
function listDatabases(): Promise<IDBDatabaseInfo[]> {
  const early = (globalThis as WithEarlyListing)[earlyListingKey];
  delete (globalThis as WithEarlyListing)[earlyListingKey];
  listing ??= (early ?? indexedDB.databases()).finally(() => {
    listing = undefined;
  });
  return listing;
}

/**
 * True when the browser lists this origin's databases and `name` is not among them: nothing was
 * ever stored there. False where the list is not offered (Firefox before 126).
 */
export async function databaseMissing(name: string): Promise<boolean> {
  if (typeof indexedDB?.databases !== 'function') return false;
  const databases = await listDatabases();
  return !databases.some((database) => database.name === name);
}
