import type { DeckSource } from '../domain/compile';
import type { ProgressEvent, Settings } from '../domain/progress';
import { parseArrivingEvents, shownAsGiven as shown } from '../domain/validation/arrival-times';
import { parseDeckSource } from '../domain/validation/deck-source';
import { type Fields, Invalid, isObject, type Parsed, parse } from '../domain/validation/parsed';
import { parseSettings } from '../domain/validation/settings';

const backupFormat = 'recallmap-backup';
/**
 * Version 2 added card actions (suspend, bury, flag, reset, known) and topic notes to the events,
 * and the leech threshold to the settings. A version 1 file holds reviews and undos only, with
 * settings that lack the threshold (it gets the default): it reads as it is.
 */
const backupVersion = 2;
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

function listField(fields: Fields, name: string): readonly unknown[] {
  const value = fields[name];
  if (value === undefined) throw new Invalid(`it has no "${name}" list`);
  if (!Array.isArray(value)) throw new Invalid(`its "${name}" field is not a list`);
  return value;
}

function readBackup(text: string, importedAtMillis: number): Backup {
  if (text.trim() === '') throw new Invalid('it is empty');
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new Invalid('it is not valid JSON — it may be truncated');
  }
  if (!isObject(fields)) throw new Invalid('it is not a Recallmap backup: it holds no object');
  if (fields.format !== backupFormat) {
    throw new Invalid(
      `it is not a Recallmap backup: its format is ${shown(fields.format)}, not "${backupFormat}"`,
    );
  }
  const { version } = fields;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Invalid(`its version ${shown(version)} is not a whole number ≥ 1`);
  }
  if (version > backupVersion) {
    throw new Invalid(
      `it is version ${version}, written by a newer Recallmap; this one reads version ${backupVersion}. Update Recallmap, then import it again`,
    );
  }
  const { exportedAtMillis, appVersion: writtenBy } = fields;
  if (typeof exportedAtMillis !== 'number' || !Number.isFinite(exportedAtMillis)) {
    throw new Invalid(`its exportedAtMillis is ${shown(exportedAtMillis)}, not a time`);
  }
  if (typeof writtenBy !== 'string') {
    throw new Invalid(`its appVersion is ${shown(writtenBy)}, not a text`);
  }
  const settings = parseSettings(fields.settings);
  if (!settings.ok) throw new Invalid(`its settings are invalid: ${settings.reason}`);
  const decks = listField(fields, 'decks').map((deck, index) => {
    const parsed = parseDeckSource(deck);
    if (!parsed.ok) throw new Invalid(`deck ${index + 1} ${parsed.reason}`);
    return parsed.value;
  });
  const events = parseArrivingEvents(listField(fields, 'events'), importedAtMillis);
  if (!events.ok) throw new Invalid(events.reason);
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
): Parsed<Backup> {
  const tooLarge = backupSizeProblem(byteSize);
  if (tooLarge) return { ok: false, reason: tooLarge };
  return parse(() => readBackup(text, importedAtMillis));
}
