import { loadOnce } from '../domain/load-once';
import type { AppStore } from './app-store';
import type { SyncController } from './sync-controller';

// On the first screen's path: the little that decides whether sync's code loads at all.

let loadController: (() => Promise<SyncController>) | undefined;

/** Whether the learner set sync up in this browser. */
const syncIsSetUp = () => globalThis.localStorage?.getItem('recallmap-sync-target') != null; // see sync-target-record

/** Sync's code, loaded once, on first need; asked for again after a failure. */
export function loadSync(store: AppStore): Promise<SyncController> {
  loadController ??= loadOnce(() =>
    import('./sync-controller').then(({ createSyncController }) => createSyncController(store)),
  );
  return loadController();
}

/**
 * Hands sync's code to `use` when sync is set up, loading it first; does nothing otherwise.
 * Resolves once `use` has. Each commit tells it of its events this way and resolves only once they
 * are in the outbox, so a screen shows a commit done only then: a page closed or left right after
 * would otherwise abort that write, and the events would never go up.
 */
export async function withSync(
  store: AppStore,
  use: (sync: SyncController) => unknown,
): Promise<void> {
  if (syncIsSetUp()) await use(await loadSync(store));
}
