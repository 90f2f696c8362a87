import { assertKnownSchemaVersion, currentSchemaVersion } from '../schema-version';
import type { RecordKind, StoredEntry } from '../store-keys';
import type { MigrationContext, MigrationStep } from './migration-step';
import { version1To2 } from './version-1-to-2';
import { version2To3 } from './version-2-to-3';
import { version3To4 } from './version-3-to-4';

/** Every step, in order: a new layout adds its step here and bumps the schema version. */
const migrationSteps: readonly MigrationStep[] = [version1To2, version2To3, version3To4];

/**
 * The kinds of record a migration from `fromVersion` reads and replaces; undefined when it
 * rewrites the whole store.
 */
export function migratedKinds(fromVersion: number): readonly RecordKind[] | undefined {
  const steps = migrationSteps.filter((step) => step.fromVersion >= fromVersion);
  if (steps.some((step) => step.kinds === undefined)) return undefined;
  return [...new Set(steps.flatMap((step) => step.kinds ?? []))];
}

/** Whether a migration from `fromVersion` replays cards, and so needs the scheduler. */
export function migrationReplays(fromVersion: number): boolean {
  return migrationSteps.some((step) => step.fromVersion >= fromVersion && step.replays === true);
}

/** Runs every step from `fromVersion` up to the current version. */
export function migrateEntries(
  entries: readonly StoredEntry[],
  fromVersion: number,
  context: MigrationContext,
): StoredEntry[] {
  assertKnownSchemaVersion(fromVersion);
  let current = [...entries];
  for (let version = fromVersion; version < currentSchemaVersion; version += 1) {
    const step = migrationSteps.find((candidate) => candidate.fromVersion === version);
    if (!step) throw new Error(`No migration from schema version ${version}`);
    current = step.migrate(current, context);
  }
  return current;
}
