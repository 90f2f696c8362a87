import type { UseStore } from 'idb-keyval';
import { defaultSettings } from '../domain/progress';
import { parseSettings } from '../domain/validation/settings';
import { recentStudyDays } from '../scheduler/day-boundary';
import type { RetentionTally } from '../scheduler/retention-tally';
import { dayRecordValue } from './day-record-moves';
import { runTransaction, type TransactionScope } from './idb-transaction';
import type { DayTallies } from './progress-repository';
import { parseDayAt, parseDayRecord } from './record-validation';
import { dayRecordKey, keyPart, kindRange, settingsKey } from './store-keys';

// True retention's read of the days it sums, and the filling in of tallies counted from the logs
// for days written before tallies were kept. Loaded by the statistics page, not at start-up.

const dayRange = (dayKeys: readonly string[]) =>
  IDBKeyRange.bound(dayRecordKey(dayKeys[0] ?? ''), dayRecordKey(dayKeys.at(-1) ?? ''));

/** The window's tallies; see `ProgressRepository.readDayTallies`. */
export function readDayTallies(
  database: UseStore,
  nowMillis: number,
  windowDays: number,
  withEventCount: boolean,
): Promise<DayTallies> {
  return runTransaction(database, 'readonly', 'Reading true retention', (scope) => {
    const { store } = scope;
    const storedSettings = store.get(settingsKey);
    scope.afterAll([storedSettings], () => {
      // Damaged settings are the start-up read's to set aside; the defaults stand in meanwhile.
      const parsed = parseSettings(storedSettings.result);
      const { dayStartHour } = parsed.ok ? parsed.value : defaultSettings;
      const { dayKeys, startMillis } = recentStudyDays(nowMillis, dayStartHour, windowDays);
      readWindow(scope, dayKeys, withEventCount, (tallies, eventCount) =>
        scope.finish({ dayKeys, startMillis, dayStartHour, tallies, eventCount }),
      );
    });
  });
}

/** The window's day records and, when asked, how many events the log holds. */
function readWindow(
  scope: TransactionScope<DayTallies>,
  dayKeys: readonly string[],
  withEventCount: boolean,
  next: (tallies: Map<string, RetentionTally | undefined>, eventCount: number) => void,
): void {
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
    next(tallies, eventCount?.result ?? 0);
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
