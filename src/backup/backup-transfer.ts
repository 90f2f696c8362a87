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
  /** The card ids of the app's decks and of the decks these sources would add, without storing them. */
  deckCardIds(sources: readonly DeckSource[]): Promise<ReadonlySet<string>>;
  /** Stores the decks in one write; `restore` puts back what they replaced. */
  importDeckSources(sources: readonly DeckSource[]): Promise<{
    deckIds: readonly string[];
    warnings: readonly CompileWarning[];
    restore(): Promise<void>;
  }>;
  /** Saves the settings and merges the events in one transaction, then refreshes the pages. */
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
  const [events, deckSources, importedDeckIds, backupDeckIds, deckCardIds] = await Promise.all([
    ports.allEvents(),
    ports.importedSources(),
    ports.importedDeckIds(),
    ports.compiledDeckIds(backup.decks),
    ports.deckCardIds(backup.decks),
  ]);
  return previewBackup(backup, backupDeckIds, {
    eventKeys: new Set(events.map(eventKey)),
    settings: ports.currentSettings(),
    deckSources,
    importedDeckIds,
    deckCardIds,
  });
}

export interface ImportOutcome {
  readonly addedReviews: number;
  readonly deckIds: readonly string[];
  readonly deckWarnings: readonly CompileWarning[];
}

/**
 * The import failed and so did putting the decks back: unlike any other failure, something changed.
 */
export class DeckRestoreError extends Error {
  override name = 'DeckRestoreError';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * All or nothing. Decks first, so that no review arrives for a deck the app cannot show yet; a
 * deck import that fails stops before progress is touched. Settings and events then land in one
 * transaction (the settings first within it, because card states replay with the retention they
 * set, as they did where the backup was made); when it fails, the decks are put back as they were.
 */
export async function importBackup(ports: BackupPorts, backup: Backup): Promise<ImportOutcome> {
  const decks = backup.decks.length > 0 ? await ports.importDeckSources(backup.decks) : undefined;
  let merged: MergeResult;
  try {
    merged = await ports.importProgress(backup.settings, backup.events);
  } catch (error) {
    try {
      await decks?.restore();
    } catch (restoreError) {
      throw new DeckRestoreError(
        `${messageOf(error)}; the imported decks could not be put back either (${messageOf(restoreError)})`,
        { cause: error },
      );
    }
    throw error;
  }
  return {
    addedReviews: merged.addedReviews,
    deckIds: decks?.deckIds ?? [],
    deckWarnings: decks?.warnings ?? [],
  };
}
