import type { StateCreator } from 'zustand/vanilla';
import type { ProgressEvent, Settings } from '../domain/progress';
import type { MergeResult, ProgressRepository, RepairReport } from '../storage/progress-repository';
import type { AppStore } from './app-store';
import type { ProgressSlice } from './progress-slice';
import type { SettingsSlice } from './settings-slice';
import { withSync } from './sync-loader';

export interface BackupDependencies {
  /** When this browser last exported a backup, kept apart from progress (see last-export-record). */
  readonly lastBackupExport: {
    read(): number | undefined;
    write(exportedAtMillis: number): void;
  };
}

export interface BackupSlice {
  /** When this browser last exported a backup; undefined when it never did, or before it is read. */
  readonly lastBackupExportMillis: number | undefined;
  /** Whether `lastBackupExportMillis` has been read yet: see `readLastBackupExport`. */
  readonly lastBackupExportRead: boolean;
  /**
   * Reads when this browser last exported a backup. Not at start-up: a first read of localStorage
   * waits for the browser's storage, busy then reading progress (a second with 80,000 cards).
   */
  readLastBackupExport(): void;
  recordBackupExport(exportedAtMillis: number): void;
  /**
   * Saves the settings and merges the events in one transaction (both or neither), then shows
   * what is stored.
   */
  importProgress(settings: Settings, events: readonly ProgressEvent[]): Promise<MergeResult>;
  /** Reads states, day counts, the total and settings from storage again, and shows them. */
  showStoredProgress(): Promise<void>;
  /** Rebuilds every derived record from the log, then shows what is stored. */
  checkAndRepair(): Promise<RepairReport>;
}

export function createBackupSlice(
  deps: BackupDependencies,
): StateCreator<ProgressSlice & SettingsSlice & BackupSlice, [], [], BackupSlice> {
  return (set, get, store) => {
    /** Shows what is stored: states, day counts, the total, settings and set-aside records. */
    async function showStored(storage: ProgressRepository) {
      const fresh = await storage.load();
      set({
        states: fresh.states,
        controls: fresh.controls,
        notes: fresh.notes,
        reviewsByDay: fresh.reviewsByDay,
        totalReviews: fresh.totalReviews,
        settings: fresh.settings,
        corrupt: fresh.corrupt,
        changeStamp: fresh.changeStamp,
      });
    }

    return {
      lastBackupExportMillis: undefined,
      lastBackupExportRead: false,
      readLastBackupExport() {
        if (get().lastBackupExportRead) return;
        set({ lastBackupExportMillis: deps.lastBackupExport.read(), lastBackupExportRead: true });
      },
      recordBackupExport(exportedAtMillis) {
        deps.lastBackupExport.write(exportedAtMillis);
        set({ lastBackupExportMillis: exportedAtMillis, lastBackupExportRead: true });
      },
      async importProgress(settings, events) {
        const storage = await get().openedRepository();
        try {
          const merged = await storage.mergeEvents(events, { settings });
          void withSync(store as AppStore, (sync) => sync.resendWholeLog());
          return merged;
        } finally {
          // The pages show what is stored, whether the merge landed or not.
          await showStored(storage);
        }
      },
      showStoredProgress: async () => showStored(await get().openedRepository()),
      async checkAndRepair() {
        const storage = await get().openedRepository();
        const report = await storage.checkAndRepair();
        await showStored(storage);
        return report;
      },
    };
  };
}
