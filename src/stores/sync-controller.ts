import type { ProgressEvent } from '../domain/progress';
import { forgetPassword, readPassword, savePassword } from '../storage/credential-vault';
import { openSyncJournal, openSyncStore } from '../storage/sync-journal';
import { openCouchRemote } from '../sync/couch-remote';
import { mergeArrivedEvents } from '../sync/merge-arrived-events';
import { runSync, type SyncLocal } from '../sync/run-sync';
import { describeSyncError } from '../sync/sync-error';
import { type SyncTarget, targetKey } from '../sync/sync-target';
import { writeSyncTarget } from '../sync/sync-target-record';
import type { AppStore } from './app-store';
import { idleSyncStatus, type SyncStatus, syncStatusStore } from './sync-status-store';

export interface SyncController {
  /** Syncs at once, then after commits, when the browser is back online, and every few minutes. */
  start(): Promise<void>;
  configure(target: SyncTarget, password: string): Promise<void>;
  syncNow(): Promise<void>;
  stop(): Promise<void>;
  recordCommitted(events: readonly ProgressEvent[]): Promise<void>;
  resendWholeLog(): Promise<void>;
}

/** A sync follows a commit after this pause, so that a run of reviews goes up together. */
const afterCommitMillis = 2000;
const everyMillis = 5 * 60 * 1000;

export function createSyncController(store: AppStore): SyncController {
  const keyval = openSyncStore();
  const journal = openSyncJournal(keyval);
  let running: Promise<void> | undefined;
  let again = false;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;

  const status = () => syncStatusStore.getState().status;
  const setStatus = (change: Partial<SyncStatus>) =>
    syncStatusStore.setState({ status: { ...status(), ...change } });

  const local: SyncLocal = {
    allEvents: () => store.getState().allEvents(),
    mergeArrived: (events) => mergeArrivedEvents(store.getState().requireRepository(), events),
    settings: () => store.getState().settings,
    adoptSettings: (settings) => store.getState().adoptSettings(settings),
    decks: () => store.getState().importedDeckRecords(),
    async adoptDecks(decks) {
      for (const deck of decks) {
        await store.getState().importDeckSources([deck.source], {
          importedAtMillis: deck.importedAtMillis,
        });
      }
    },
    showArrivals: () => store.getState().showStoredProgress(),
  };

  async function runOnce() {
    const target = syncStatusStore.getState().target;
    if (!target) return;
    const password = await readPassword(keyval);
    if (password === undefined) {
      setStatus({ error: 'The password is not saved here: enter it again, then Sync now.' });
      return;
    }
    setStatus({ running: true, progress: undefined });
    try {
      const report = await runSync({
        remote: openCouchRemote(target, password),
        local,
        journal,
        targetKey: targetKey(target),
        clock: () => Date.now(),
        onProgress: (progress) => setStatus({ progress }),
      });
      setStatus({
        lastSyncedMillis: Date.now(),
        error: undefined,
        refused: report.refused.slice(0, 5).map(({ id, reason }) => `${id}: ${reason}`),
      });
    } catch (error) {
      setStatus({ error: describeSyncError(error) });
    } finally {
      setStatus({ running: false, progress: undefined, waiting: (await journal.outbox()).length });
    }
  }

  /** One run at a time; a request during a run makes one more run after it. */
  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const onOnline = () => void syncNow();

  function startTriggers() {
    if (interval !== undefined) return;
    window.addEventListener('online', onOnline);
    interval = setInterval(() => void syncNow(), everyMillis);
  }

  function stopTriggers() {
    window.removeEventListener('online', onOnline);
    if (interval !== undefined) clearInterval(interval);
    if (commitTimer !== undefined) clearTimeout(commitTimer);
    interval = undefined;
    commitTimer = undefined;
  }

  return {
    async start() {
      startTriggers();
      setStatus({ waiting: (await journal.outbox()).length });
      await syncNow();
    },
    async configure(target, password) {
      await savePassword(keyval, password);
      writeSyncTarget(target);
      syncStatusStore.setState({ target });
      startTriggers();
      await syncNow();
    },
    syncNow,
    async stop() {
      stopTriggers();
      const target = syncStatusStore.getState().target;
      writeSyncTarget(undefined);
      await forgetPassword(keyval);
      if (target) await journal.forget(targetKey(target));
      syncStatusStore.setState({ target: undefined, status: idleSyncStatus });
    },
    async recordCommitted(events) {
      await journal.record(events);
      setStatus({ waiting: status().waiting + events.length });
      if (commitTimer !== undefined) clearTimeout(commitTimer);
      commitTimer = setTimeout(() => void syncNow(), afterCommitMillis);
    },
    async resendWholeLog() {
      await journal.resendWholeLog();
      void syncNow();
    },
  };
}
