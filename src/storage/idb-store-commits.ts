import type { CardCommit } from './card-commit';
import { stampChange } from './change-stamp';
import type { CommitPlan } from './commit-plan';
import { dayRecordValue, movedDayRecord } from './day-record-moves';
import type { TransactionScope } from './idb-transaction';
import { parseDayRecord, parseTotals } from './record-validation';
import { statePagesOf } from './state-page';
import type { StatePageSet } from './state-page-set';
import {
  controlsKey,
  dayRecordKey,
  eventKey,
  noteKey,
  statePageKey,
  totalsKey,
} from './store-keys';

// Writing what commits and withdrawals planned; loaded with the scheduler, not at start-up.

/** Reads state pages, repairing them, inside the same transaction. */
export type ReadStatePages = (
  pageIndices: readonly number[],
  next: (pages: StatePageSet) => void,
) => void;

/** Writes back the pages that changed, and a new change stamp when any did. */
export function writeStatePages<T>(scope: TransactionScope<T>, pages: StatePageSet): void {
  for (const { pageIndex, page } of pages.packChanged()) {
    if (page) scope.store.put(page, statePageKey(pageIndex));
    else scope.store.delete(statePageKey(pageIndex));
    stampChange(scope.store);
  }
}

/** The card's controls (none left: the record goes) and, for a note log, the note. */
function writeExtras(store: IDBObjectStore, commit: CardCommit): void {
  if (commit.controls) store.put(commit.controls, controlsKey(commit.cardId));
  else store.delete(controlsKey(commit.cardId));
  if (commit.note) store.put(commit.note, noteKey(commit.note.topicId));
}

/**
 * Writes planned commits: their new events, their cards' states (on pages read, and repaired,
 * first), and the day records and the total moved by `deltas` (see `movedDayRecord`).
 */
export function storeCommits<T>(
  scope: TransactionScope<T>,
  readStatePages: ReadStatePages,
  commits: readonly CardCommit[],
  { dayDeltas, retentionDeltas }: Pick<CommitPlan, 'dayDeltas' | 'retentionDeltas'>,
  next: () => void,
): void {
  const { store, quarantine } = scope;
  const days = [
    ...new Set([
      ...[...dayDeltas].filter(([, delta]) => delta !== 0).map(([day]) => day),
      ...retentionDeltas.keys(),
    ]),
  ];
  const dayRequests = days.map((day) => store.get(dayRecordKey(day)));
  const totals = store.get(totalsKey);
  const moved = commits.filter((commit) => commit.stateChanged);
  const pageIndices = statePagesOf(moved.map((commit) => commit.cardId));

  readStatePages(pageIndices, (pages) => {
    scope.afterAll([...dayRequests, totals], () => {
      // A commit may change a card's controls without its state.
      if (commits.length > 0) stampChange(store);
      for (const commit of commits) {
        for (const event of commit.addedEvents) store.put(event, eventKey(event));
        if (commit.stateChanged) pages.set(commit.cardId, commit.state);
        writeExtras(store, commit);
      }
      writeStatePages(scope, pages);
      let totalDelta = 0;
      days.forEach((day, index) => {
        const delta = dayDeltas.get(day) ?? 0;
        totalDelta += delta;
        const key = dayRecordKey(day);
        const parse = (value: unknown) => parseDayRecord(value, day);
        const value = dayRequests[index]?.result;
        const stored = quarantine.validOrSetAside(key, value, parse);
        const damaged = value !== undefined && stored === undefined;
        const moved = movedDayRecord(damaged ? 'damaged' : stored, delta, retentionDeltas, day);
        if (moved.reviewCount === 0) store.delete(key);
        else store.put(dayRecordValue(day, moved.reviewCount, moved.retention), key);
      });
      if (totalDelta !== 0) {
        const stored = quarantine.validOrSetAside(totalsKey, totals.result, parseTotals);
        const reviewCount = Math.max(0, (stored?.reviewCount ?? 0) + totalDelta);
        store.put({ reviewCount }, totalsKey);
      }
      next();
    });
  });
}
