import { openImportedDeckRepository } from '../../src/storage/imported-deck-repository';
import { lazySeenContentHashes } from '../../src/storage/lazy-seen-content-hashes';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import { openProgressChannel } from '../../src/storage/progress-channel';
import {
  type AppStore,
  type AppStoreDependencies,
  createAppStore,
} from '../../src/stores/app-store';

/**
 * A fresh store over the app's own storage openers (memory where the environment has no
 * IndexedDB), the real cross-tab channel and the system clock, with no bundled decks unless given.
 * Each dependency can be replaced.
 */
export function createTestAppStore(dependencies: Partial<AppStoreDependencies> = {}): AppStore {
  let lastExportMillis: number | undefined;
  return createAppStore({
    openProgressRepository: () => openProgressRepository(),
    openProgressChannel: () => openProgressChannel(),
    storagePersistence: undefined,
    openSeenContentHashes: lazySeenContentHashes,
    lastBackupExport: {
      read: () => lastExportMillis,
      write: (millis) => {
        lastExportMillis = millis;
      },
    },
    bundledDecks: { summaries: [], loaders: {} },
    openImportedDeckRepository,
    clock: () => Date.now(),
    newEventId: () => crypto.randomUUID(),
    ...dependencies,
  });
}
