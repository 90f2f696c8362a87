import { useEffect, useState } from 'react';
import { schedulerForSettings } from '../../scheduler/scheduler';
import { keptRetention } from '../../stats/retention-from-logs';
import { retentionWindowDays, type TrueRetention } from '../../stats/true-retention';
import type { TrueRetentionReply } from '../../workers/true-retention-worker';
import { windowRetention } from '../../workers/window-retention';
import { useAppStore, useAppStoreApi } from '../common/app-store';

export type RetentionResult =
  | { readonly kind: 'computing' }
  | { readonly kind: 'done'; readonly retention: TrueRetention }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * True retention over the last 30 study days: a sum of the days' tallies, kept at each commit.
 * Days written before tallies were kept are counted once from the logs, off the main thread when
 * the log is in IndexedDB; a log kept in memory only is one tab's reviews, counted here.
 */
export function useTrueRetention(nowMillis: number): RetentionResult {
  const store = useAppStoreApi();
  const storageOpen = useAppStore((state) => state.storageOpen);
  const persistent = useAppStore((state) => state.persistent);
  const [result, setResult] = useState<RetentionResult>({ kind: 'computing' });
  const revision = useRetentionInputsRevision();

  useEffect(() => {
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
  }, [store, storageOpen, persistent, revision, nowMillis]);

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
