import type { UseStore } from 'idb-keyval';
import { runTransaction } from './idb-transaction';
import type { ProgressSnapshot } from './progress-repository';
import { describeSetAside } from './quarantine';
import { readSettings } from './read-settings';
import { parseDayAt, parseTotals } from './record-validation';
import { kindRange, type StoredEntry, totalsKey } from './store-keys';

// Start-up's one read: settings, day counts, the total, what was set aside before, and the card
// state pages, raw (`state-page-reads.ts` unpacks them in slices).

/** What start-up read, before the state pages are unpacked. */
export interface StartupRead {
  readonly snapshot: Omit<ProgressSnapshot, 'states' | 'controls' | 'notes'>;
  readonly pages: StoredEntry[];
  /** Whether a day record or the total failed validation: the counts need rebuilding. */
  readonly countsDamaged: boolean;
}

/**
 * Everything start-up reads, the state pages raw (none when `withPages` is false). Day records and
 * the total are only checked here: when one fails, `countsDamaged` says so.
 */
export function readSnapshot(database: UseStore, withPages: boolean): Promise<StartupRead> {
  return runTransaction(database, 'readwrite', 'Loading progress', (scope) => {
    const { store } = scope;
    const earlierCorrupt = store.getAll(kindRange('corrupt'));
    const totals = store.get(totalsKey);
    const dayValues = store.getAll(kindRange('day'));
    const dayKeys = store.getAllKeys(kindRange('day'));
    const pageReads = withPages
      ? { values: store.getAll(kindRange('states')), keys: store.getAllKeys(kindRange('states')) }
      : undefined;
    readSettings(scope, (settings) => {
      const pageRequests = pageReads ? [pageReads.values, pageReads.keys] : [];
      scope.afterAll([earlierCorrupt, totals, dayValues, dayKeys, ...pageRequests], () => {
        let countsDamaged = false;
        const reviewsByDay = new Map<string, number>();
        dayKeys.result.forEach((key, index) => {
          const parsed = parseDayAt(dayValues.result[index], key);
          if (parsed.ok) reviewsByDay.set(parsed.value.dayKey, parsed.value.reviewCount);
          else countsDamaged = true;
        });
        const parsedTotals = totals.result === undefined ? undefined : parseTotals(totals.result);
        if (parsedTotals?.ok === false) countsDamaged = true;
        const totalReviews = parsedTotals?.ok
          ? parsedTotals.value.reviewCount
          : [...reviewsByDay.values()].reduce((a, b) => a + b, 0);
        scope.finish({
          snapshot: {
            reviewsByDay,
            totalReviews,
            settings,
            corrupt: [...earlierCorrupt.result.map(describeSetAside), ...scope.quarantine.records],
          },
          pages:
            pageReads?.keys.result.map((key, index) => ({
              key,
              value: pageReads.values.result[index],
            })) ?? [],
          countsDamaged,
        });
      });
    });
  });
}
