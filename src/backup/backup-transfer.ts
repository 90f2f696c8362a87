import type { CompileWarning, DeckSource } from '../domain/compile';
import type { ProgressEvent, Settings } from '../domain/progress';
import type { MergeResult } from '../storage/progress-repository';
import { appVersion } from './app-version';
import { type Backup, createBackup } from './backup-file';
import { backupFileName } from './backup-file-name';
import { type BackupPreview, eventKey, previewBackup } from './backup-preview';

/**
 * What export and import need from the rest of the app: the progress store and the deck catalog
 * in the app, plain objects in tests. Passed in, so this module depends on no store.
 */
export interface BackupPorts {
  currentSettings(): Settings;
  allEvents(): Promise<readonly ProgressEvent[]>;
  importedSources(): Promise<readonly DeckSource[]>;
  importedDeckIds(): Promise<ReadonlySet<string>>;
  /** The id each source would get if imported now (`deckIdsOfSources`), without storing it. */
  compiledDeckIds(sources: readonly DeckSource[]): Promise<readonly (string | undefined)[]>;
  importDeckSources(
    sources: readonly DeckSource[],
  ): Promise<{ deckIds: readonly string[]; warnings: readonly CompileWarning[] }>;
  /** Saves the settings, merges the events, then refreshes what the pages show. */
  importProgress(settings: Settings, events: readonly ProgressEvent[]): Promise<MergeResult>;
}

export interface ExportedBackup {
  readonly fileName: string;
  /** Compact JSON: 100,000 reviews make about 15 MB, indentation would add a third. */
  readonly text: string;
}

export async function exportBackup(ports: BackupPorts, nowMillis: number): Promise<ExportedBackup> {
  const [events, decks] = await Promise.all([ports.allEvents(), ports.importedSources()]);
  const backup = createBackup({
    exportedAtMillis: nowMillis,
    appVersion,
    settings: ports.currentSettings(),
    decks,
    events,
  });
  return { fileName: backupFileName(nowMillis), text: JSON.stringify(backup) };
}

export async function previewImport(ports: BackupPorts, backup: Backup): Promise<BackupPreview> {
  const [events, deckSources, importedDeckIds, backupDeckIds] = await Promise.all([
    ports.allEvents(),
    ports.importedSources(),
    ports.importedDeckIds(),
    ports.compiledDeckIds(backup.decks),
  ]);
  return previewBackup(backup, backupDeckIds, {
    eventKeys: new Set(events.map(eventKey)),
    settings: ports.currentSettings(),
    deckSources,
    importedDeckIds,
  });
}

export interface ImportOutcome {
  readonly addedReviews: number;
  readonly deckIds: readonly string[];
  readonly deckWarnings: readonly CompileWarning[];
}

/**
 * Decks first, so that no review arrives for a deck the app cannot show yet; a deck import that
 * fails stops before progress is touched. The settings go in before the events because card
 * states replay with the retention they set, as they did where the backup was made.
 */
export async function importBackup(ports: BackupPorts, backup: Backup): Promise<ImportOutcome> {
  const decks =
    backup.decks.length > 0
      ? await ports.importDeckSources(backup.decks)
      : { deckIds: [], warnings: [] };
  const merged = await ports.importProgress(backup.settings, backup.events);
  return {
    addedReviews: merged.addedReviews,
    deckIds: decks.deckIds,
    deckWarnings: decks.warnings,
  };
}
