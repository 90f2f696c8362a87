import type { SyncProgress } from '../sync/run-sync';
import type { SyncTarget } from '../sync/sync-target';
import { readSyncTarget } from '../sync/sync-target-record';

/** What Settings shows of sync. */
export interface SyncStatus {
  readonly running: boolean;
  /** Events committed here that have not gone up yet. */
  readonly waiting: number;
  readonly lastSyncedMillis?: number | undefined;
  /** The last run's failure, in plain words; cleared by a run that succeeds. */
  readonly error?: string | undefined;
  readonly progress?: SyncProgress | undefined;
  /** Documents from the server the last run refused, with why (the first few). */
  readonly refused?: readonly string[] | undefined;
}

interface SyncState {
  /** Where this browser syncs; undefined until the learner sets it up. */
  readonly target: SyncTarget | undefined;
  readonly status: SyncStatus;
}

export const idleSyncStatus: SyncStatus = { running: false, waiting: 0 };

/**
 * Sync's own state, apart from the app's store: only Settings and sync's code (which loads once
 * sync is set up) read it, so none of it weighs on the first screen. A plain observable for
 * React's `useSyncExternalStore`: importing zustand here would split it out of the first
 * screen's chunk into one more request.
 */
function createSyncStatusStore() {
  let state: SyncState = { target: readSyncTarget(), status: idleSyncStatus };
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(change: Partial<SyncState>) {
      state = { ...state, ...change };
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const syncStatusStore = createSyncStatusStore();
