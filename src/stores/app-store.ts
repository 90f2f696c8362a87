import { createStore, type StoreApi } from 'zustand/vanilla';
import { type BackupDependencies, type BackupSlice, createBackupSlice } from './backup-slice';
import { createDecksSlice, type DecksDependencies, type DecksSlice } from './decks-slice';
import {
  createProgressSlice,
  type ProgressDependencies,
  type ProgressSlice,
} from './progress-slice';
import {
  createSeenContentSlice,
  type SeenContentDependencies,
  type SeenContentSlice,
} from './seen-content-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

/** The whole app's state: progress and settings from storage, the deck catalog, backups. */
export type AppState = ProgressSlice & SettingsSlice & SeenContentSlice & BackupSlice & DecksSlice;

/** Everything the slices reach outside themselves: storage, other tabs, the browser, the clock. */
export type AppStoreDependencies = ProgressDependencies &
  SeenContentDependencies &
  BackupDependencies &
  DecksDependencies;

export type AppStore = StoreApi<AppState>;

/**
 * One store built from slices, each holding what it needs in its own closure, so that a test
 * builds a fresh one with its own storage, channel and clock.
 */
export function createAppStore(deps: AppStoreDependencies): AppStore {
  return createStore<AppState>()((...store) => ({
    ...createProgressSlice(deps)(...store),
    ...createSettingsSlice(deps)(...store),
    ...createSeenContentSlice(deps)(...store),
    ...createBackupSlice(deps)(...store),
    ...createDecksSlice(deps)(...store),
  }));
}
