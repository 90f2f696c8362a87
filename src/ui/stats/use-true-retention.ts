import { useEffect, useState } from 'react';
import { schedulerForSettings } from '../../scheduler/scheduler';
import { phasedReviews, type TrueRetention, trueRetention } from '../../stats/true-retention';
import type { TrueRetentionReply } from '../../workers/true-retention-worker';
import { useAppStore, useAppStoreApi } from '../common/app-store';

export type RetentionResult =
  | { readonly kind: 'computing' }
  | { readonly kind: 'done'; readonly retention: TrueRetention }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * True retention over the last 30 days, computed off the main thread when the log is in
 * IndexedDB. A log kept in memory only is one tab's reviews: small enough to replay here.
 */
export function useTrueRetention(nowMillis: number): RetentionResult {
  const store = useAppStoreApi();
  const ready = useAppStore((state) => state.ready);
  const persistent = useAppStore((state) => state.persistent);
  const totalReviews = useAppStore((state) => state.totalReviews);
  const [result, setResult] = useState<RetentionResult>({ kind: 'computing' });

  useEffect(() => {
    if (!ready) return;
    // Recomputed when the number of reviews changes, also by another tab.
    void totalReviews;
    let cancelled = false;
    setResult({ kind: 'computing' });
    if (!persistent) {
      const { allEvents, settings } = store.getState();
      const scheduler = schedulerForSettings(settings, true);
      allEvents().then(
        (events) => {
          if (!cancelled) {
            setResult({
              kind: 'done',
              retention: trueRetention(phasedReviews(events, scheduler), nowMillis),
            });
          }
        },
        (error: unknown) => {
          if (!cancelled) setResult({ kind: 'failed', error: String(error) });
        },
      );
      return () => {
        cancelled = true;
      };
    }
    const worker = new Worker(new URL('../../workers/true-retention-worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (message: MessageEvent<TrueRetentionReply>) => {
      const reply = message.data;
      setResult(
        reply.ok
          ? { kind: 'done', retention: reply.retention }
          : { kind: 'failed', error: reply.error },
      );
      worker.terminate();
    };
    worker.onerror = (event) => {
      setResult({ kind: 'failed', error: event.message });
      worker.terminate();
    };
    worker.postMessage({ nowMillis });
    return () => worker.terminate();
  }, [store, ready, persistent, totalReviews, nowMillis]);

  return result;
}
