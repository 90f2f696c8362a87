import { useEffect, useState } from 'react';
import { recentStudyDays } from '../../scheduler/day-boundary';
import type { RetentionTally } from '../../scheduler/retention-tally';
import { schedulerForSettings } from '../../scheduler/scheduler';
import { keptRetention } from '../../stats/retention-from-logs';
import { retentionWindowDays, type TrueRetention } from '../../stats/true-retention';
import type { StartupDayTallies } from '../../storage/progress-repository';
import type { AppState } from '../../stores/app-store';
import type { TrueRetentionReply } from '../../workers/true-retention-worker';
import { windowRetention } from '../../workers/window-retention';
import { useAppStore, useAppStoreApi } from '../common/app-store';

export type RetentionResult =
  | { readonly kind: 'computing' }
  | { readonly kind: 'done'; readonly retention: TrueRetention }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * The tallies start-up read, while they still describe the store: until the snapshot is shown
 * (no commit reaches this tab before), then while the states here carry the change stamp they
 * were read at (any commit, here or in another tab, moves or forgets it) and the same day start.
 */
function startupTalliesHeld(state: AppState): StartupDayTallies | undefined {
  const tallies = state.startupDayTallies;
  if (!tallies || !state.ready) return tallies;
  const same =
    state.changeStamp === tallies.changeStamp &&
    state.settings.dayStartHour === tallies.dayStartHour;
  return same ? tallies : undefined;
}

/** True retention over the window ending at `nowMillis` from start-up's tallies, when all known. */
function retentionFromStartup(
  startup: StartupDayTallies,
  nowMillis: number,
): TrueRetention | undefined {
  const { dayKeys } = recentStudyDays(nowMillis, startup.dayStartHour, retentionWindowDays);
  const window = new Map<string, RetentionTally | undefined>();
  for (const day of dayKeys)
    if (startup.tallies.has(day)) window.set(day, startup.tallies.get(day));
  return keptRetention(window);
}

/**
 * True retention over the last 30 study days: a sum of the days' tallies, kept at each commit.
 * Start-up hands them over before the card states load; otherwise they are read from storage.
 * Days written before tallies were kept are counted once from the logs, off the main thread when
 * the log is in IndexedDB; a log kept in memory only is one tab's reviews, counted here.
 */
export function useTrueRetention(nowMillis: number): RetentionResult {
  const store = useAppStoreApi();
  const startup = useAppStore(startupTalliesHeld);
  const storageOpen = useAppStore((state) => state.storageOpen);
  const persistent = useAppStore((state) => state.persistent);
  const [result, setResult] = useState<RetentionResult>({ kind: 'computing' });
  const revision = useRetentionInputsRevision();

  useEffect(() => {
    const fromStartup = startup && retentionFromStartup(startup, nowMillis);
    if (fromStartup) {
      setResult({ kind: 'done', retention: fromStartup });
      return;
    }
    if (!storageOpen) return;
    void revision;
    let cancelled = false;
    let worker: Worker | undefined;
    const show = (next: RetentionResult) => {
      if (!cancelled) setResult(next);
    };
    const fail = (error: unknown) =>
      show({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    const repository = store.getState().requireRepository();

    const countInWorker = () => {
      worker = new Worker(new URL('../../workers/true-retention-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (message: MessageEvent<TrueRetentionReply>) => {
        const reply = message.data;
        if (reply.ok) show({ kind: 'done', retention: reply.retention });
        else fail(reply.error);
        worker?.terminate();
      };
      worker.onerror = (event) => {
        fail(event.message);
        worker?.terminate();
      };
      worker.postMessage({ nowMillis });
    };

    // Read from storage, not the loaded snapshot: the figure need not wait for 100,000 states, and
    // the read is asked for at once, to be answered right after start-up's own.
    const countHere = async () => {
      const settings = await repository.getSettings();
      return windowRetention(
        repository,
        async () => repository.load().then((snapshot) => snapshot.states.values()),
        async () => schedulerForSettings(settings, true),
        nowMillis,
      );
    };
    (async () => {
      const { tallies } = await repository.readDayTallies(nowMillis, retentionWindowDays);
      if (cancelled) return;
      const kept = keptRetention(tallies);
      if (kept) show({ kind: 'done', retention: kept });
      else if (persistent) countInWorker();
      else show({ kind: 'done', retention: await countHere() });
    })().catch(fail);
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [store, startup, storageOpen, persistent, revision, nowMillis]);

  return result;
}

/**
 * Counts changes that move true retention once progress has loaded: the number of reviews (also
 * by another tab) and the day start. Loading itself is not one, so the read made while the card
 * states load is not made again once they have.
 */
function useRetentionInputsRevision(): number {
  const store = useAppStoreApi();
  const [revision, setRevision] = useState(0);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (!previous.ready) return;
        const moved =
          state.totalReviews !== previous.totalReviews ||
          state.settings.dayStartHour !== previous.settings.dayStartHour;
        if (moved) setRevision((count) => count + 1);
      }),
    [store],
  );
  return revision;
}
