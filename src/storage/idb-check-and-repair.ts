import type { UseStore } from 'idb-keyval';
import { emptyTally, type RetentionTally } from '../scheduler/retention-tally';
import { stampChange } from './change-stamp';
import { dayRecordValue } from './day-record-moves';
import { runTransaction } from './idb-transaction';
import type {
  CardExtras,
  DailyCounts,
  RepairReport,
  SchedulerForSettings,
} from './progress-repository';
import { readForRepair, type StoredForRepair } from './read-for-repair';
import { planRepair, type RepairPlan } from './repair-plan';
import { currentSchemaVersion } from './schema-version';
import {
  controlsKey,
  corruptKey,
  dayRecordKey,
  keyPart,
  kindRange,
  noteKey,
  schemaVersionKey,
  settingsKey,
  statePageKey,
  totalsKey,
} from './store-keys';

/**
 * Check and repair over IndexedDB, loaded when the learner asks for it, or at start-up when a
 * count was found damaged (then without a scheduler: card states are left as they are). The log
 * is read in one transaction and replayed between tasks (`pause`), which no transaction outlives;
 * the repair is written in a second one only if the log and the settings are still as read (a
 * commit in between would make it stale), else everything is checked again.
 */
export async function checkAndRepairStore(
  database: UseStore,
  schedulerFor: SchedulerForSettings | undefined,
  pause: () => Promise<void>,
): Promise<RepairReport> {
  for (let attempt = 1; ; attempt++) {
    const stored = await readForRepair(database);
    const { settings } = stored;
    const plan = await planRepair(
      stored.logs,
      stored.derived,
      schedulerFor?.(settings),
      settings,
      pause,
    );
    const report = await writeRepair(database, stored, plan);
    if (report) return report;
    if (attempt === 3) throw new Error('Check and repair: reviews kept arriving; try again');
  }
}

/**
 * Writes the plan unless the log or the settings changed since they were read (then resolves
 * undefined); every damaged record it replaces is kept aside first.
 */
function writeRepair(
  database: UseStore,
  stored: StoredForRepair,
  plan: RepairPlan,
): Promise<RepairReport | undefined> {
  return runTransaction(database, 'readwrite', 'Repairing progress', (scope) => {
    const { store } = scope;
    const eventCount = store.count(kindRange('event'));
    const settings = store.get(settingsKey);
    scope.afterAll([eventCount, settings], () => {
      const unchanged =
        eventCount.result === stored.eventCount &&
        JSON.stringify(settings.result ?? null) === stored.storedSettingsText;
      if (!unchanged) {
        scope.finish(undefined);
        return;
      }
      for (const { key, value, reason, removed } of stored.damaged) {
        // Damaged states stay for the page repair when they were not checked.
        if (!plan.statesChecked && keyPart(key, 0) === 'states') continue;
        store.put({ key, value, reason }, corruptKey(key));
        if (removed) store.delete(key);
      }
      if (plan.statesChecked) {
        stampChange(store);
        for (const [id, state] of plan.states) stored.statePages.set(id, state);
        for (const { pageIndex, page } of stored.statePages.packChanged()) {
          if (page) store.put(page, statePageKey(pageIndex));
          else store.delete(statePageKey(pageIndex));
        }
        writeExtras(store, plan.extras);
      }
      if (plan.countsDiffer) writeDailyCounts(store, plan.counts, plan.retentionByDay);
      if (!stored.schemaVersionIsCurrent) store.put(currentSchemaVersion, schemaVersionKey);
      scope.finish({ ...plan.report, restampedSchemaVersion: !stored.schemaVersionIsCurrent });
    });
  });
}

/** Replaces every control and note record with the log's. */
function writeExtras(store: IDBObjectStore, extras: CardExtras): void {
  store.delete(kindRange('controls'));
  store.delete(kindRange('note'));
  for (const [id, controls] of extras.controls) store.put(controls, controlsKey(id));
  for (const [topic, note] of extras.notes) store.put(note, noteKey(topic));
}

/**
 * Replaces every day record and the total. Without tallies (no scheduler replayed the logs) the
 * days' tallies are left unknown, for true retention to count again when it needs them.
 */
function writeDailyCounts(
  store: IDBObjectStore,
  counts: DailyCounts,
  retentionByDay: ReadonlyMap<string, RetentionTally> | undefined,
): void {
  store.delete(kindRange('day'));
  for (const [day, reviewCount] of counts.reviewsByDay) {
    const retention = retentionByDay && (retentionByDay.get(day) ?? emptyTally);
    store.put(dayRecordValue(day, reviewCount, retention), dayRecordKey(day));
  }
  store.put({ reviewCount: counts.totalReviews }, totalsKey);
}
