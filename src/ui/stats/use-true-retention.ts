import { useEffect, useState } from 'react';
import { schedulerForSettings } from '../../scheduler/scheduler';
import { keptRetention } from '../../stats/retention-from-logs';
import { retentionWindow, type TrueRetention } from '../../stats/true-retention';
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
  const ready = useAppStore((state) => state.ready);
  const persistent = useAppStore((state) => state.persistent);
  const totalReviews = useAppStore((state) => state.totalReviews);
  const [result, setResult] = useState<RetentionResult>({ kind: 'computing' });

  useEffect(() => {
    if (!ready) return;
    // Summed again when the number of reviews changes, also by another tab.
    void totalReviews;
    let cancelled = false;
    let worker: Worker | undefined;
    const show = (next: RetentionResult) => {
      if (!cancelled) setResult(next);
    };
    const fail = (error: unknown) =>
      show({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    const { requireRepository, settings, states } = store.getState();
    const repository = requireRepository();
    const { dayStartHour } = settings;
    const { dayKeys } = retentionWindow(nowMillis, dayStartHour);

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

    repository.readDayTallies(dayKeys).then(({ tallies }) => {
      if (cancelled) return;
      const kept = keptRetention(tallies);
      if (kept) show({ kind: 'done', retention: kept });
      else if (persistent) countInWorker();
      else {
        windowRetention(
          repository,
          async () => states.values(),
          async () => schedulerForSettings(settings, true),
          nowMillis,
          dayStartHour,
        ).then((retention) => show({ kind: 'done', retention }), fail);
      }
    }, fail);
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [store, ready, persistent, totalReviews, nowMillis]);

  return result;
}
