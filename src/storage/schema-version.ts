import { parseSchemaVersion } from './record-validation';

// The version of the progress store's layout (store-keys.ts). Apart from the migrations, which a
// store at this version never loads.

export const currentSchemaVersion = 4;

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
