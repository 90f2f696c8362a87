import type { UseStore } from 'idb-keyval';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import type { RetentionTally } from '../scheduler/retention-tally';
import { changeStampsOf, storedChangeStamp } from './change-stamp';
import { currentDeckCounts } from './deck-counts-record-store';
import { runTransaction } from './idb-transaction';
import type { ProgressSnapshot, StartupDayCounts, StartupDayTallies } from './progress-repository';
import { describeSetAside } from './quarantine';
import { readSettings } from './read-settings';
import { parseDayAt, parseTotals } from './record-validation';
import { currentSchemaVersion } from './schema-version';
import { statePageCount } from './state-page';
import {
  changeStampKey,
  deckCountsKey,
  kindRange,
  kindRangesSplitAt,
  type StoredEntry,
  schemaVersionKey,
  settingsKey,
  totalsKey,
} from './store-keys';

// Start-up's one read: settings, day counts, the total, what was set aside before, and the card
// state pages, raw (`state-page-reads.ts` unpacks them in slices), and the change stamp they
// were read at. Every request but the pages' is asked first, so that the deck counts kept for the
// start and the days' true-retention tallies can be handed over while the pages (7.7 MB at
// 100,000 cards) are still being read. The kept counts were read in a transaction of their own
// before: this read's could start only once the page had taken that one's reply, which waited
// behind the first render, and the browser's database sat idle for 100 ms and more.
// The pages come in sixteen requests, and each request's result is read (the browser turns its
// stored values into objects then) only as the pages are unpacked, a part per slice of time: the
// browser hands the page several requests' replies in one task, and reading each part as it
// came held the page for up to 190 ms at 100,000 cards, one result of them all for 180 ms.

const pagesPerRequest = 64;
const pageRequestSplits = Array.from(
  { length: statePageCount / pagesPerRequest - 1 },
  (_, index) => (index + 1) * pagesPerRequest,
);

/** What start-up hands over before the card states are in, as soon as each is read. */
export interface StartupListeners {
  /** The deck counts kept for this start, when they are current. */
  readonly onDeckCounts?: (record: DeckCountsRecord) => void;
  /** The days' true-retention tallies, when every day record is whole. */
  readonly onDayTallies?: (tallies: StartupDayTallies) => void;
  /** The review counts of each day and in all, when every day record and the total are whole. */
  readonly onDayCounts?: (counts: StartupDayCounts) => void;
}

/** A part of the state pages as read; its stored values become objects when it is called. */
export type StatePagePart = () => StoredEntry[];

/** What start-up read, before the state pages are unpacked. */
export interface StartupRead {
  readonly snapshot: Omit<ProgressSnapshot, 'states' | 'controls' | 'notes'>;
  readonly pageParts: readonly StatePagePart[];
  /** Whether a day record or the total failed validation: the counts need rebuilding. */
  readonly countsDamaged: boolean;
}

/**
 * Everything start-up reads, the state pages raw (none when `withPages` is false). Day records and
 * the total are only checked here: when one fails, `countsDamaged` says so.
 */
export function readSnapshot(database: UseStore, withPages: boolean): Promise<StartupRead> {
  // Without the version check the read always finishes with what it read.
  return readStored(database, withPages, false) as Promise<StartupRead>;
}

/**
 * The same read with pages, and the schema version checked in its transaction: undefined when the
 * store is not at the current version (an empty one is stamped with it), for it is then opened
 * (migrated) first and read again; nothing was parsed, so nothing was set aside. What start-up
 * can show before the pages are in goes to `listeners` as it is read.
 */
export function readSnapshotIfCurrent(
  database: UseStore,
  listeners: StartupListeners = {},
): Promise<StartupRead | undefined> {
  return readStored(database, true, true, listeners);
}

function readStored(
  database: UseStore,
  withPages: boolean,
  checkSchema: boolean,
  { onDeckCounts, onDayTallies, onDayCounts }: StartupListeners = {},
): Promise<StartupRead | undefined> {
  return runTransaction(database, 'readwrite', 'Loading progress', (scope) => {
    const { store } = scope;
    const schema = checkSchema
      ? { stored: store.get(schemaVersionKey), firstKey: store.getAllKeys(null, 1) }
      : undefined;
    const stamp = store.get(changeStampKey);
    const keptCounts = onDeckCounts && store.get(deckCountsKey);
    const storedSettings = store.get(settingsKey);
    const earlierCorrupt = store.getAll(kindRange('corrupt'));
    const totals = store.get(totalsKey);
    const dayValues = store.getAll(kindRange('day'));
    const dayKeys = store.getAllKeys(kindRange('day'));
    const pageReads = withPages
      ? kindRangesSplitAt('states', pageRequestSplits).map((range) => ({
          values: store.getAll(range),
          keys: store.getAllKeys(range),
        }))
      : [];
    // Reading is not parsing: nothing is checked here.
    const pageParts = pageReads.map(
      ({ values, keys }): StatePagePart =>
        () =>
          keys.result.map((key, index) => ({ key, value: values.result[index] })),
    );
    // Nothing is parsed (nor set aside) before the version is known to be this one.
    const whenCurrent = (next: () => void) => {
      if (!schema) return next();
      scope.afterAll([schema.stored, schema.firstKey], () => {
        if (isCurrentSchema(store, schema.stored.result, schema.firstKey.result)) next();
        else scope.finish(undefined);
      });
    };
    whenCurrent(() => {
      if (onDeckCounts && keptCounts) {
        scope.afterAll([stamp, keptCounts], () => {
          const record = currentDeckCounts(keptCounts.result, storedChangeStamp(stamp.result));
          if (record) onDeckCounts(record);
        });
      }
      readSettings(
        scope,
        (settings) => {
          scope.afterAll([earlierCorrupt, totals, dayValues, dayKeys], () => {
            let countsDamaged = false;
            const reviewsByDay = new Map<string, number>();
            const tallies = new Map<string, RetentionTally | undefined>();
            dayKeys.result.forEach((key, index) => {
              const parsed = parseDayAt(dayValues.result[index], key);
              if (!parsed.ok) countsDamaged = true;
              else {
                const { dayKey, reviewCount, retention } = parsed.value;
                reviewsByDay.set(dayKey, reviewCount);
                if (reviewCount > 0) tallies.set(dayKey, retention);
              }
            });
            const parsedTotals =
              totals.result === undefined ? undefined : parseTotals(totals.result);
            if (parsedTotals?.ok === false) countsDamaged = true;
            const totalReviews = parsedTotals?.ok
              ? parsedTotals.value.reviewCount
              : [...reviewsByDay.values()].reduce((a, b) => a + b, 0);
            const changeStamp = changeStampsOf(store, stamp.result).after;
            if (!countsDamaged) {
              const { dayStartHour } = settings;
              onDayTallies?.({ dayStartHour, changeStamp, tallies });
              onDayCounts?.({ dayStartHour, reviewsByDay, totalReviews });
            }
            const pageRequests = pageReads.flatMap(({ values, keys }) => [values, keys]);
            scope.afterAll(pageRequests, () =>
              scope.finish({
                snapshot: {
                  reviewsByDay,
                  totalReviews,
                  settings,
                  corrupt: [
                    ...earlierCorrupt.result.map(describeSetAside),
                    ...scope.quarantine.records,
                  ],
                  changeStamp,
                },
                pageParts,
                countsDamaged,
              }),
            );
          });
        },
        storedSettings,
      );
    });
  });
}

/**
 * Whether the store is at this version, as `schema-migration.ts` would find: an empty store is
 * stamped with it here; anything else (older, newer, damaged) is left to the opening.
 */
function isCurrentSchema(store: IDBObjectStore, stored: unknown, firstKey: IDBValidKey[]): boolean {
  if (stored === undefined && firstKey.length === 0) {
    store.put(currentSchemaVersion, schemaVersionKey);
    return true;
  }
  return stored === currentSchemaVersion;
}
