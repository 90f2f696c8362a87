import { bundledDeckLoaders, bundledDeckSummaries } from 'virtual:recallmap/bundled-decks';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { readLastExportMillis, writeLastExportMillis } from '../../backup/last-export-record';
import { importedDecksMissing } from '../../storage/imported-decks-missing';
import { lazySeenContentHashes } from '../../storage/lazy-seen-content-hashes';
import {
  openProgressRepository,
  progressDatabaseMissing,
} from '../../storage/open-progress-repository';
import { openProgressChannel } from '../../storage/progress-channel';
import { type AppState, type AppStore, createAppStore } from '../../stores/app-store';

/** The app's one store, over this browser's storage. Nothing opens until a page asks. */
export const appStore = createAppStore({
  openProgressRepository: (startupListeners) =>
    openProgressRepository({
      withStartupRead: true,
      ...(startupListeners ? { startupListeners } : {}),
    }),
  keepDeckCountsAfterMillis: 2000,
  openProgressChannel: () => openProgressChannel(),
  progressStoreMissing: () => progressDatabaseMissing(),
  storagePersistence: globalThis.navigator?.storage,
  openSeenContentHashes: lazySeenContentHashes,
  lastBackupExport: { read: readLastExportMillis, write: writeLastExportMillis },
  bundledDecks: { summaries: bundledDeckSummaries, loaders: bundledDeckLoaders },
  // Loaded only where imported decks were ever stored: most starts have none, and the first
  // screen's budget is tight.
  openImportedDeckRepository: async (options) =>
    (await import('../../storage/imported-deck-repository')).openImportedDeckRepository(options),
  importedDecksMissing,
  clock: () => Date.now(),
  newEventId: () => crypto.randomUUID(),
});

/** The app's store unless a provider gives another: a test renders pages over its own. */
export const AppStoreContext = createContext<AppStore>(appStore);

/** The store itself, for reads inside callbacks (`getState()`) that must not re-render. */
export function useAppStoreApi(): AppStore {
  return useContext(AppStoreContext);
}

/** The part of the state a component shows; it re-renders when that part changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useContext(AppStoreContext), selector);
}
