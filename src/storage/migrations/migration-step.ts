import type { SchedulerForSettings } from '../progress-repository';
import { corruptKey, type RecordKind, type StoredEntry } from '../store-keys';

// Each change of the store's layout bumps the schema version and adds a step: one file in this
// folder, listed in `run-migrations.ts`, that rewrites the whole store from one version to the
// next. Steps are pure (entries in, entries out) so a test can run them without IndexedDB; the
// repository runs them in one transaction, so a failure keeps the old data as it was. The version
// itself sits at ['meta', 'schema'] and is written by the runner, never by a step.

export interface MigrationContext {
  readonly schedulerFor: SchedulerForSettings;
}

export interface MigrationStep {
  readonly fromVersion: number;
  readonly summary: string;
  /**
   * The kinds of record the step reads and replaces; the others stay where they are, unread. A step
   * without it reads and rewrites the whole store.
   */
  readonly kinds?: readonly RecordKind[];
  /** Whether the step replays cards: only then does it need the scheduler (ts-fsrs) loaded. */
  readonly replays?: boolean;
  migrate(entries: readonly StoredEntry[], context: MigrationContext): StoredEntry[];
}

/** A record a step could not read, kept aside under ['corrupt', key] with the reason. */
export const setAside = (key: IDBValidKey, value: unknown, reason: string): StoredEntry => ({
  key: corruptKey(key),
  value: { key, value, reason },
});
