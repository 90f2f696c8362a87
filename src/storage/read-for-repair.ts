import type { UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import { defaultSettings, type ProgressEvent, type Settings } from '../domain/progress';
import { parseSettings } from '../domain/validation/settings';
import type { RetentionTally } from '../scheduler/retention-tally';
import { parseEventAt } from './event-record-validation';
import { runTransaction } from './idb-transaction';
import { parseDayAt, parseTotals } from './record-validation';
import type { StoredDerivedRecords } from './repair-plan';
import { currentSchemaVersion } from './schema-version';
import { takeDuplicateCopies } from './set-aside-events';
import { unpackStatePage } from './state-page';
import { StatePageSet } from './state-page-set';
import {
  kindRange,
  numericKeyPart,
  schemaVersionKey,
  settingsKey,
  statePageKey,
  totalsKey,
} from './store-keys';

// Check and repair's read, loaded only when the learner asks for it.

/** A record that failed validation, found while checking; replaced by the repair. */
interface DamagedRecord {
  readonly key: IDBValidKey;
  readonly value: unknown;
  readonly reason: string;
  /** Whether the whole record goes (a page, a day, the total), or one entry in a page. */
  readonly removed: boolean;
}

/** What `checkAndRepair` read, to plan the repair and to tell later whether it is still true. */
export interface StoredForRepair {
  readonly logs: ReadonlyMap<CardId, readonly ProgressEvent[]>;
  readonly eventCount: number;
  readonly settings: Settings;
  readonly storedSettingsText: string;
  readonly derived: StoredDerivedRecords;
  readonly statePages: StatePageSet;
  readonly damaged: readonly DamagedRecord[];
  readonly schemaVersionIsCurrent: boolean;
}

/**
 * Every event, state page, day record, the total and the schema version, in one read-only
 * transaction: nothing is set aside here, the repair keeps the damaged records aside as it
 * replaces them.
 */
export function readForRepair(database: UseStore): Promise<StoredForRepair> {
  return runTransaction(database, 'readonly', 'Reading progress to check it', (scope) => {
    const { store } = scope;
    const reads = [kindRange('event'), kindRange('states'), kindRange('day')].map((range) => ({
      values: store.getAll(range),
      keys: store.getAllKeys(range),
    }));
    const settings = store.get(settingsKey);
    const totals = store.get(totalsKey);
    const schema = store.get(schemaVersionKey);
    const requests = reads.flatMap(({ values, keys }) => [values, keys]);
    scope.afterAll([...requests, settings, totals, schema], () => {
      const [events, pages, days] = reads.map(({ values, keys }) =>
        keys.result.map((key, index) => ({ key, value: values.result[index] as unknown })),
      );
      const damaged: DamagedRecord[] = [];
      const logs = new Map<CardId, ProgressEvent[]>();
      // Unreadable events are no part of the log; the usual reads set them aside.
      for (const { key, value } of events ?? []) {
        const parsed = parseEventAt(value, key);
        if (!parsed.ok) continue;
        const log = logs.get(parsed.value.cardId);
        if (log) log.push(parsed.value);
        else logs.set(parsed.value.cardId, [parsed.value]);
      }
      // A second copy of an id on another card counts once, as every other read counts it.
      takeDuplicateCopies(logs);
      const statePages = new StatePageSet();
      for (const { key, value } of pages ?? []) {
        const pageIndex = numericKeyPart(key, 1) ?? -1;
        const unpacked = unpackStatePage(value, pageIndex);
        if (!unpacked.ok) {
          damaged.push({ key, value, reason: unpacked.reason, removed: true });
          statePages.markChanged(pageIndex);
          continue;
        }
        statePages.add(unpacked.value.states);
        for (const broken of unpacked.value.broken) {
          damaged.push({
            ...broken,
            key: [...statePageKey(pageIndex), broken.cardId],
            removed: false,
          });
          statePages.markChanged(pageIndex);
        }
      }
      const reviewsByDay = new Map<string, number>();
      const retentionByDay = new Map<string, RetentionTally>();
      for (const { key, value } of days ?? []) {
        const parsed = parseDayAt(value, key);
        if (parsed.ok) {
          const { dayKey, reviewCount, retention } = parsed.value;
          reviewsByDay.set(dayKey, reviewCount);
          if (retention) retentionByDay.set(dayKey, retention);
        } else damaged.push({ key, value, reason: parsed.reason, removed: true });
      }
      const parsedTotals = totals.result === undefined ? undefined : parseTotals(totals.result);
      if (parsedTotals?.ok === false) {
        damaged.push({
          key: totalsKey,
          value: totals.result,
          reason: parsedTotals.reason,
          removed: true,
        });
      }
      const parsedSettings = parseSettings(settings.result);
      scope.finish({
        logs,
        eventCount: events?.length ?? 0,
        settings: parsedSettings.ok ? parsedSettings.value : defaultSettings,
        storedSettingsText: JSON.stringify(settings.result ?? null),
        derived: {
          states: statePages.states(),
          reviewsByDay,
          retentionByDay,
          totalReviews: parsedTotals?.ok ? parsedTotals.value.reviewCount : undefined,
        },
        statePages,
        damaged,
        schemaVersionIsCurrent: schema.result === currentSchemaVersion,
      });
    });
  });
}
