import { parseSchemaVersion } from './record-validation';

// The version of the progress store's layout (store-keys.ts). Apart from the migrations, which a
// store at this version never loads.

export const currentSchemaVersion = 3;

/** Refuses data from a newer app: writing to it would damage what that version understands. */
export function assertKnownSchemaVersion(version: number): void {
  if (version > currentSchemaVersion) {
    throw new Error(
      `The stored progress has schema version ${version}, newer than this app's ${currentSchemaVersion}: update the app`,
    );
  }
}

/** The version a store holds; records without one can only come from version 1 builds. */
export function storedSchemaVersion(value: unknown): number {
  if (value === undefined) return 1;
  const parsed = parseSchemaVersion(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** A few records that tell the layouts apart, read when the version record is missing or damaged. */
export interface StoredLayout {
  /** The first key of the event range. */
  readonly firstEventKey: IDBValidKey | undefined;
  /** The first one-card state record (versions 1 and 2). */
  readonly firstStateRecord: unknown;
  readonly hasStatePages: boolean;
}

/**
 * The version whose layout these records have. Version 1 keyed events by id alone and wrote dates
 * as ISO text; version 2 kept one record per card state; version 3 packs them into pages. A store
 * holding none of these (settings or counts only) reads the same in every version since 2.
 */
export function schemaVersionOfLayout(layout: StoredLayout): number {
  const { firstEventKey, firstStateRecord } = layout;
  if (Array.isArray(firstEventKey) && firstEventKey.length === 2) return 1;
  if (layout.hasStatePages) return currentSchemaVersion;
  if (firstStateRecord !== undefined) {
    const due = (firstStateRecord as { due?: unknown } | null)?.due;
    return typeof due === 'string' ? 1 : 2;
  }
  return currentSchemaVersion;
}
