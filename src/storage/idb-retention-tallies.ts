import type { UseStore } from 'idb-keyval';
import type { RetentionTally } from '../scheduler/retention-tally';
import { runTransaction } from './idb-transaction';
import type { DayTallies } from './progress-repository';
import { dayRecordValue, parseDayAt, parseDayRecord } from './record-validation';
import { dayRecordKey, keyPart, kindRange } from './store-keys';

// True retention's read of the days it sums, and the filling in of tallies counted from the logs
// for days written before tallies were kept. Loaded by the statistics page, not at start-up.

const dayRange = (dayKeys: readonly string[]) =>
  IDBKeyRange.bound(dayRecordKey(dayKeys[0] ?? ''), dayRecordKey(dayKeys.at(-1) ?? ''));

/** The tallies of these days (consecutive, oldest first); see `ProgressRepository`. */
export function readDayTallies(
  database: UseStore,
  dayKeys: readonly string[],
  withEventCount: boolean,
): Promise<DayTallies> {
  return runTransaction(database, 'readonly', 'Reading true retention', (scope) => {
    const { store } = scope;
    const values = store.getAll(dayRange(dayKeys));
    const keys = store.getAllKeys(dayRange(dayKeys));
    const eventCount = withEventCount ? store.count(kindRange('event')) : undefined;
    scope.afterAll([values, keys, ...(eventCount ? [eventCount] : [])], () => {
      const tallies = new Map<string, RetentionTally | undefined>();
      keys.result.forEach((key, index) => {
        const parsed = parseDayAt(values.result[index], key);
        // A damaged day is the start-up read's to repair; here its tally is simply not known.
        if (!parsed.ok) tallies.set(keyPart(key, 1) ?? '', undefined);
        else if (parsed.value.reviewCount > 0)
          tallies.set(parsed.value.dayKey, parsed.value.retention);
      });
      scope.finish({ tallies, eventCount: eventCount?.result ?? 0 });
    });
  });
}

/**
 * Stores tallies counted from the logs on the days whose tally is unknown, in one transaction and
 * only if the log still holds `eventCount` events: events are only ever added, so an equal count
 * means no commit came between the count and these tallies. Resolves whether they were stored.
 */
export function fillDayTallies(
  database: UseStore,
  counted: ReadonlyMap<string, RetentionTally>,
  eventCount: number,
): Promise<boolean> {
  return runTransaction(database, 'readwrite', 'Saving true retention', (scope) => {
    const { store } = scope;
    const days = [...counted.keys()];
    const count = store.count(kindRange('event'));
    const records = days.map((day) => store.get(dayRecordKey(day)));
    scope.afterAll([count, ...records], () => {
      if (count.result !== eventCount) {
        scope.finish(false);
        return;
      }
      days.forEach((day, index) => {
        const parsed = parseDayRecord(records[index]?.result, day);
        if (!parsed.ok || parsed.value.retention) return;
        const value = dayRecordValue(day, parsed.value.reviewCount, counted.get(day));
        store.put(value, dayRecordKey(day));
      });
      scope.finish(true);
    });
  });
}
