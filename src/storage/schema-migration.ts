import type { UseStore } from 'idb-keyval';
import { runTransaction } from './idb-transaction';
import type { SchedulerForSettings } from './progress-repository';
import { parseSchemaVersion } from './record-validation';
import { assertKnownSchemaVersion, currentSchemaVersion } from './schema-version';
import { schemaVersionKey } from './store-keys';

// Opening the store: a check of its schema version at every start-up, and the migrations, loaded
// only for a store an older version wrote.

/**
 * Brings the store to the current schema version. The version check is one small transaction;
 * only an older store loads the migrations and runs them, in a second one that checks again
 * (another tab may have migrated in between). Only a migration that replays cards loads the
 * scheduler.
 */
export async function migrateToCurrentVersion(
  database: UseStore,
  loadScheduler: () => Promise<SchedulerForSettings>,
): Promise<void> {
  let storedVersion = await readSchemaVersion(database);
  if (storedVersion === currentSchemaVersion) return;
  if (storedVersion === undefined) {
    const { restampSchemaVersion } = await import('./restamp-schema-version');
    storedVersion = await restampSchemaVersion(database);
    if (storedVersion === currentSchemaVersion) return;
  }
  const [{ migrateStore }, { migrationReplays }] = await Promise.all([
    import('./migrate-store'),
    import('./migrations/run-migrations'),
  ]);
  const replays = migrationReplays(storedVersion);
  await migrateStore(database, replays ? await loadScheduler() : undefined);
}

/**
 * The stored schema version; an empty store is stamped with the current one. Undefined when the
 * record is missing or damaged: `migrateToCurrentVersion` then restores it from the records' layout.
 */
function readSchemaVersion(database: UseStore): Promise<number | undefined> {
  return runTransaction(database, 'readwrite', 'Opening progress storage', (scope) => {
    const { store } = scope;
    const stored = store.get(schemaVersionKey);
    // One key tells an empty store from one written by version 1; count() would walk every
    // record on each start-up, over a second with a million reviews.
    const firstKey = store.getAllKeys(null, 1);
    scope.afterAll([stored, firstKey], () => {
      if (stored.result === undefined && firstKey.result.length === 0) {
        store.put(currentSchemaVersion, schemaVersionKey);
        scope.finish(currentSchemaVersion);
        return;
      }
      const parsed = parseSchemaVersion(stored.result);
      if (parsed.ok) assertKnownSchemaVersion(parsed.value);
      scope.finish(parsed.ok ? parsed.value : undefined);
    });
  });
}
