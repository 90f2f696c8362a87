import type { ProgressEvent } from '../domain/progress';
import type { AppStore } from './app-store';
import type { SyncController } from './sync-controller';

// On the first screen's path: the little that decides whether sync's code loads at all.

let controller: Promise<SyncController> | undefined;

/** Whether the learner set sync up in this browser. */
export const syncIsSetUp = () => globalThis.localStorage?.getItem('recallmap-sync-target') != null; // see sync-target-record

/** Sync's code, loaded once, on first need. */
export function loadSync(store: AppStore): Promise<SyncController> {
  controller ??= import('./sync-controller').then(({ createSyncController }) =>
    createSyncController(store),
  );
  return controller;
}

/** Events committed here go up at the next sync, once sync is set up. */
export function recordForSync(store: AppStore, events: readonly ProgressEvent[]): void {
  if (syncIsSetUp()) void loadSync(store).then((sync) => sync.recordCommitted(events));
}

/** Events that arrived here outside commits (a backup): the next sync sends the whole log. */
export function resendForSync(store: AppStore): void {
  if (syncIsSetUp()) void loadSync(store).then((sync) => sync.resendWholeLog());
}
