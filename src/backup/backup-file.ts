import type { DeckSource } from '../domain/compile';
import type { ProgressEvent, Settings } from '../domain/progress';
import { parseArrivingEvents, shownAsGiven as shown } from '../storage/arrival-times';
import { parseSettings } from '../storage/record-validation';
import { parseDeckSource } from './parse-deck-source';

export const backupFormat = 'recallmap-backup';
export const backupVersion = 1;
/** Far above any real log (100,000 reviews take about 15 MB), low enough to read in a tab. */
export const maxBackupBytes = 256 * 1024 * 1024;

/** The backup file's contract (DESIGN.md, "Backup file"); field order is the file's. */
export interface Backup {
  readonly format: typeof backupFormat;
  readonly version: typeof backupVersion;
  readonly exportedAtMillis: number;
  readonly appVersion: string;
  readonly settings: Settings;
  /** The imported decks' sources: bundled decks come with the app and are never copied. */
  readonly decks: readonly DeckSource[];
  /** The whole log, undos included, so a merge elsewhere cannot bring an undone review back. */
  readonly events: readonly ProgressEvent[];
}

export type BackupContents = Omit<Backup, 'format' | 'version'>;

export type ParsedBackup =
  | { readonly ok: true; readonly backup: Backup }
  | { readonly ok: false; readonly error: string };

export function createBackup(contents: BackupContents): Backup {
  return {
    format: backupFormat,
    version: backupVersion,
    exportedAtMillis: contents.exportedAtMillis,
    appVersion: contents.appVersion,
    settings: contents.settings,
    decks: contents.decks,
    events: contents.events,
  };
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Checked before reading the file at all: a huge file would stall the tab just being read. */
export function backupSizeProblem(byteSize: number): string | undefined {
  return byteSize > maxBackupBytes
    ? `it is too large: ${megabytes(byteSize)}, more than the ${megabytes(maxBackupBytes)} a backup may hold`
    : undefined;
}

/** A value as a message can quote it: short, and `undefined` for a missing field. */

class InvalidBackup extends Error {}

function listField(fields: Readonly<Record<string, unknown>>, name: string): readonly unknown[] {
  const value = fields[name];
  if (value === undefined) throw new InvalidBackup(`it has no "${name}" list`);
  if (!Array.isArray(value)) throw new InvalidBackup(`its "${name}" field is not a list`);
  return value;
}

function readBackup(text: string, importedAtMillis: number): Backup {
  if (text.trim() === '') throw new InvalidBackup('it is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidBackup('it is not valid JSON — it may be truncated');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidBackup('it is not a Recallmap backup: it holds no object');
  }
  const fields = value as Readonly<Record<string, unknown>>;
  if (fields.format !== backupFormat) {
    throw new InvalidBackup(
      `it is not a Recallmap backup: its format is ${shown(fields.format)}, not "${backupFormat}"`,
    );
  }
  const { version } = fields;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InvalidBackup(`its version ${shown(version)} is not a whole number ≥ 1`);
  }
  if (version > backupVersion) {
    throw new InvalidBackup(
      `it is version ${version}, written by a newer Recallmap; this one reads version ${backupVersion}. Update Recallmap, then import it again`,
    );
  }
  const { exportedAtMillis, appVersion: writtenBy } = fields;
  if (typeof exportedAtMillis !== 'number' || !Number.isFinite(exportedAtMillis)) {
    throw new InvalidBackup(`its exportedAtMillis is ${shown(exportedAtMillis)}, not a time`);
  }
  if (typeof writtenBy !== 'string') {
    throw new InvalidBackup(`its appVersion is ${shown(writtenBy)}, not a text`);
  }
  const settings = parseSettings(fields.settings);
  if (!settings.ok) throw new InvalidBackup(`its settings are invalid: ${settings.reason}`);
  const decks = listField(fields, 'decks').map((deck, index) => {
    const parsed = parseDeckSource(deck);
    if (!parsed.ok) throw new InvalidBackup(`deck ${index + 1} ${parsed.reason}`);
    return parsed.source;
  });
  const events = parseArrivingEvents(listField(fields, 'events'), importedAtMillis);
  if (!events.ok) throw new InvalidBackup(events.reason);
  return createBackup({
    exportedAtMillis,
    appVersion: writtenBy,
    settings: settings.value,
    decks,
    events: events.value,
  });
}

/**
 * Validates the whole file before anything is touched: an import either takes all of it or
 * nothing. Errors are phrased to follow the file's name ("backup.json: it is empty"). Event times
 * must lie between 2000 and a day after `importedAtMillis`, the moment of the import.
 */
export function parseBackup(
  text: string,
  byteSize: number,
  importedAtMillis: number,
): ParsedBackup {
  const tooLarge = backupSizeProblem(byteSize);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    return { ok: true, backup: readBackup(text, importedAtMillis) };
  } catch (error) {
    if (error instanceof InvalidBackup) return { ok: false, error: error.message };
    throw error;
  }
}
