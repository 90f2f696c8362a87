import type { AppStore } from './app-store';
import type { SyncController } from './sync-controller';

// On the first screen's path: the little that decides whether sync's code loads at all.

let controller: Promise<SyncController> | undefined;

/** Whether the learner set sync up in this browser. */
const syncIsSetUp = () => globalThis.localStorage?.getItem('recallmap-sync-target') != null; // see sync-target-record

/** Sync's code, loaded once, on first need. */
export function loadSync(store: AppStore): Promise<SyncController> {
  controller ??= import('./sync-controller').then(({ createSyncController }) =>
    createSyncController(store),
  );
  return controller;
}

/**
 * Hands sync's code to `use` when sync is set up, loading it first; does nothing otherwise. Each
 * commit tells it of its events this way, so that they go up at the next sync.
 */
export function withSync(store: AppStore, use: (sync: SyncController) => unknown): void {
  if (syncIsSetUp()) void loadSync(store).then(use);
}
