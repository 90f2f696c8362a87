import type { UseStore } from 'idb-keyval';
import { runTransaction } from './idb-transaction';
import { parseSchemaVersion } from './record-validation';
import { assertKnownSchemaVersion, currentSchemaVersion } from './schema-version';
import { corruptKey, kindRange, schemaVersionKey } from './store-keys';

// A missing or damaged schema version record is derived data too: the layout of the records says
// which version wrote them. Loaded only when the record is missing or damaged.

/** A few records that tell the layouts apart, read when the version record is missing or damaged. */
interface StoredLayout {
  /** The first key of the event range. */
  readonly firstEventKey: IDBValidKey | undefined;
  /** The first one-card state record (versions 1 and 2). */
  readonly firstStateRecord: unknown;
  readonly hasStatePages: boolean;
}

/**
 * The version whose layout these records have. Version 1 keyed events by id alone and wrote dates
 * as ISO text; version 2 kept one record per card state; version 3 packs them into pages, and
 * version 4 (card actions, notes) reads pages alike, so pages mean the current version. A store
 * holding none of these (settings or counts only) reads the same in every version since 2.
 */
function schemaVersionOfLayout(layout: StoredLayout): number {
  const { firstEventKey, firstStateRecord } = layout;
  if (Array.isArray(firstEventKey) && firstEventKey.length === 2) return 1;
  if (layout.hasStatePages) return currentSchemaVersion;
  if (firstStateRecord !== undefined) {
    const due = (firstStateRecord as { due?: unknown } | null)?.due;
    return typeof due === 'string' ? 1 : 2;
  }
  return currentSchemaVersion;
}

/**
 * Stamps the store with the version its layout shows, keeping a damaged value aside (reported at
 * the next load), and returns that version; the migrations then run from it. Checks the record
 * again first: another tab may have stamped it in between.
 */
export function restampSchemaVersion(database: UseStore): Promise<number> {
  return runTransaction<number>(database, 'readwrite', 'Restoring the schema version', (scope) => {
    const { store } = scope;
    const stored = store.get(schemaVersionKey);
    const eventKeys = store.getAllKeys(kindRange('event'), 1);
    const stateRecords = store.getAll(kindRange('state'), 1);
    const pageKeys = store.getAllKeys(kindRange('states'), 1);
    scope.afterAll([stored, eventKeys, stateRecords, pageKeys], () => {
      const parsed = stored.result === undefined ? undefined : parseSchemaVersion(stored.result);
      if (parsed?.ok) {
        assertKnownSchemaVersion(parsed.value);
        scope.finish(parsed.value);
        return;
      }
      const version = schemaVersionOfLayout({
        firstEventKey: eventKeys.result[0],
        firstStateRecord: stateRecords.result[0],
        hasStatePages: pageKeys.result.length > 0,
      });
      // Version 1 wrote no version record: its absence there is no damage.
      const problem = parsed ? parsed.reason : version > 1 && 'Schema version is missing';
      if (problem) {
        const reason = `${problem}; the records have version ${version}'s layout`;
        const value = stored.result;
        store.put({ key: schemaVersionKey, value, reason }, corruptKey(schemaVersionKey));
      }
      store.put(version, schemaVersionKey);
      scope.finish(version);
    });
  });
}
