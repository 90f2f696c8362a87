let listing: Promise<IDBDatabaseInfo[]> | undefined;

/**
 * This origin's databases. Calls made while a listing is under way share it: at start-up the deck
 * list and stored progress each ask, and a second listing would wait for the first.
 */
function listDatabases(): Promise<IDBDatabaseInfo[]> {
  listing ??= indexedDB.databases().finally(() => {
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
