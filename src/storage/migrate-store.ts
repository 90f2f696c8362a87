import type { UseStore } from 'idb-keyval';
import { stampChange } from './change-stamp';
import { runTransaction } from './idb-transaction';
import { migratedKinds, migrateEntries } from './migrations/run-migrations';
import type { SchedulerForSettings } from './progress-repository';
import { currentSchemaVersion, storedSchemaVersion } from './schema-version';
import { keyText, kindRange, type StoredEntry, schemaVersionKey } from './store-keys';

/** Stands in for the scheduler where no step replays (see `migrationReplays`): none may ask. */
const noReplays: SchedulerForSettings = () => {
  throw new Error('A migration step that replays cards must say so');
};

/**
 * Brings a store written by an older version to the current layout, in one transaction: a failure
 * keeps the old data as it was. Loaded only when the stored version is older, with the
 * migrations. Checks the version again, since another tab may have migrated in between. The
 * scheduler is needed only when `migrationReplays` says so.
 */
export function migrateStore(
  database: UseStore,
  schedulerFor: SchedulerForSettings | undefined,
): Promise<void> {
  return runTransaction<void>(database, 'readwrite', 'Migrating progress storage', (scope) => {
    const { store } = scope;
    const stored = store.get(schemaVersionKey);
    scope.afterAll([stored], () => {
      const fromVersion = storedSchemaVersion(stored.result);
      if (fromVersion === currentSchemaVersion) {
        scope.finish(undefined);
        return;
      }
      // Only the kinds of record the steps change are read and replaced: a million events
      // stay where they are when only the card states change layout.
      const ranges = migratedKinds(fromVersion)?.map(kindRange) ?? [null];
      const reads = ranges.map((range) => ({
        values: store.getAll(range),
        keys: store.getAllKeys(range),
      }));
      scope.afterAll(
        reads.flatMap((read) => [read.values, read.keys]),
        () => {
          const entries: StoredEntry[] = reads
            .flatMap((read) =>
              read.keys.result.map((key, index) => ({
                key,
                value: read.values.result[index] as unknown,
              })),
            )
            .filter(({ key }) => keyText(key) !== keyText(schemaVersionKey));
          const migrated = migrateEntries(entries, fromVersion, {
            schedulerFor: schedulerFor ?? noReplays,
          });
          for (const range of ranges) {
            if (range) store.delete(range);
            else store.clear();
          }
          for (const { key, value } of migrated) store.put(value, key);
          store.put(currentSchemaVersion, schemaVersionKey);
          stampChange(store);
          scope.finish(undefined);
        },
      );
    });
  });
}
