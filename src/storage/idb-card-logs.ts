import type { UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import type { CardState, ProgressEvent, Settings } from '../domain/progress';
import type { Parsed } from '../domain/validation/parsed';
import { compareEventsByTime } from '../scheduler/effective-reviews';
import type { CardCommit } from './card-commit';
import { type ReadStatePages, storeCommits, writeStatePages } from './idb-store-commits';
import { runTransaction, type TransactionScope } from './idb-transaction';
import type { CorruptRecord, SchedulerForSettings } from './progress-repository';
import { parseEventAt } from './record-validation';
import { planWithdrawals, type StoredRecord, takeDuplicateCopies } from './set-aside-events';
import { type CorruptList, keepAside, readSettings, setAside } from './set-aside-records';
import { statePageOf, unpackStatePage } from './state-page';
import { StatePageSet } from './state-page-set';
import { cardEventsRange, keyPart, kindRange, statePageKey } from './store-keys';

export interface Valid<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

/** The events of these logs, in replay order. */
function inTimeOrder(logs: ReadonlyMap<CardId, ProgressEvent[]>): ProgressEvent[] {
  return [...logs.values()].flat().sort(compareEventsByTime);
}

/**
 * Cards' event logs read inside a transaction, and the repairs such reads make: events that fail
 * validation or repeat an id are set aside and withdrawn, damaged state pages are rebuilt from
 * the logs. Loaded with the scheduler: a first screen with sound records runs none of it.
 */
export class IdbCardLogs {
  private readonly schedulerFor: () => SchedulerForSettings;

  /** `schedulerFor` throws while the scheduler loads; see the repository's `replaying`. */
  constructor(schedulerFor: () => SchedulerForSettings) {
    this.schedulerFor = schedulerFor;
  }

  /** The events of these cards, in replay order. */
  eventsOfCards(store: UseStore, cardIds: readonly CardId[]): Promise<ProgressEvent[]> {
    return runTransaction<ProgressEvent[]>(
      store,
      'readwrite',
      'Reading the events of cards',
      (scope) => {
        this.readCardLogs(scope, cardIds, [], (logs) => scope.finish(inTimeOrder(logs)));
      },
    );
  }

  /** Every event, in replay order. */
  allEvents(store: UseStore): Promise<ProgressEvent[]> {
    return runTransaction<ProgressEvent[]>(store, 'readwrite', 'Reading all events', (scope) => {
      const corrupt: CorruptList = [];
      this.readValid(scope, kindRange('event'), parseEventAt, corrupt, (valid, broken) => {
        const logs = new Map<CardId, ProgressEvent[]>();
        for (const { value } of valid) {
          const log = logs.get(value.cardId);
          if (log) log.push(value);
          else logs.set(value.cardId, [value]);
        }
        this.withdrawSetAside(scope, logs, broken, corrupt, () => scope.finish(inTimeOrder(logs)));
      });
    });
  }

  /** Reads these state pages again in a transaction that repairs them; see `repairStatePages`. */
  repairStoredPages(
    store: UseStore,
    pageIndices: readonly number[],
  ): Promise<{ states: ReadonlyMap<CardId, CardState>; corrupt: CorruptRecord[] }> {
    return runTransaction(store, 'readwrite', 'Repairing card states', (scope) => {
      const corrupt: CorruptList = [];
      readSettings(scope, corrupt, (settings) => {
        this.readStatePages(scope, pageIndices, settings, corrupt, (pages) => {
          scope.finish({ states: pages.states(), corrupt });
        });
      });
    });
  }

  /** Reads a range; valid records go to `next`, the others are set aside (and passed on too). */
  readValid<T, V>(
    scope: TransactionScope<T>,
    range: IDBKeyRange,
    parse: (value: unknown, key: IDBValidKey) => Parsed<V>,
    corrupt: CorruptList,
    next: (valid: Valid<V>[], broken: StoredRecord[]) => void,
  ): void {
    const values = scope.store.getAll(range);
    const keys = scope.store.getAllKeys(range);
    scope.afterAll([values, keys], () => {
      const valid: Valid<V>[] = [];
      const broken: StoredRecord[] = [];
      keys.result.forEach((key, index) => {
        const value: unknown = values.result[index];
        const parsed = parse(value, key);
        if (parsed.ok) valid.push({ key, value: parsed.value });
        else {
          setAside(scope, key, value, parsed.reason, corrupt);
          broken.push({ key, value });
        }
      });
      next(valid, broken);
    });
  }

  /**
   * Each card's valid events, keyed by card. Events that fail validation, or repeat an id stored
   * under another of these cards, are set aside and withdrawn from the counts and states first.
   */
  readCardLogs<T>(
    scope: TransactionScope<T>,
    cardIds: readonly CardId[],
    corrupt: CorruptList,
    next: (logs: Map<CardId, ProgressEvent[]>) => void,
  ): void {
    const logs = new Map<CardId, ProgressEvent[]>();
    const setAside: StoredRecord[] = [];
    let pending = cardIds.length;
    if (pending === 0) {
      next(logs);
      return;
    }
    for (const id of cardIds) {
      this.readValid(scope, cardEventsRange(id), parseEventAt, corrupt, (events, broken) => {
        logs.set(
          id,
          events.map(({ value }) => value),
        );
        setAside.push(...broken);
        pending -= 1;
        if (pending === 0) this.withdrawSetAside(scope, logs, setAside, corrupt, () => next(logs));
      });
    }
  }

  /**
   * Sets aside the second copies of an id under another card (see `takeDuplicateCopies`), then
   * takes those and the events that failed validation (already set aside) out of the card states
   * and counts they fed (see `planWithdrawals`).
   */
  withdrawSetAside<T>(
    scope: TransactionScope<T>,
    logs: Map<CardId, ProgressEvent[]>,
    setAsideRecords: readonly StoredRecord[],
    corrupt: CorruptList,
    next: () => void,
  ): void {
    if (setAsideRecords.length === 0 && logs.size < 2) {
      next();
      return;
    }
    const copies = takeDuplicateCopies(logs);
    for (const copy of copies) setAside(scope, copy.key, copy.value, copy.reason, corrupt);
    const withdrawn = [...setAsideRecords, ...copies];
    readSettings(scope, corrupt, (settings) => {
      const scheduler = this.schedulerFor()(settings);
      const { plans, dayDeltas } = planWithdrawals(
        logs,
        withdrawn,
        scheduler,
        settings.dayStartHour,
      );
      this.storeCommits(scope, settings, plans, dayDeltas, corrupt, next);
    });
  }

  /** Writes planned commits (see `storeCommits`), repairing the state pages they land on. */
  storeCommits<T>(
    scope: TransactionScope<T>,
    settings: Settings,
    commits: readonly CardCommit[],
    dayDeltas: ReadonlyMap<string, number>,
    corrupt: CorruptList,
    next: () => void,
  ): void {
    const readPages: ReadStatePages = (pageScope, pageIndices, pagesRead) =>
      this.readStatePages(pageScope, pageIndices, settings, corrupt, pagesRead);
    storeCommits(scope, readPages, commits, dayDeltas, corrupt, next);
  }

  /** Reads these state pages and repairs what fails validation; see `repairStatePages`. */
  readStatePages<T>(
    scope: TransactionScope<T>,
    pageIndices: readonly number[],
    settings: Settings,
    corrupt: CorruptList,
    next: (pages: StatePageSet) => void,
  ): void {
    const requests = pageIndices.map((index) => scope.store.get(statePageKey(index)));
    scope.afterAll(requests, () => {
      const values = requests.map((request): unknown => request.result);
      this.repairStatePages(scope, pageIndices, values, settings, corrupt, next);
    });
  }

  /**
   * Repairs state pages as read (`values`, one per page index): a broken page is set aside and the
   * states of its cards are rebuilt from their logs, as is a single broken state; the repaired
   * pages are written back at once.
   */
  repairStatePages<T>(
    scope: TransactionScope<T>,
    pageIndices: readonly number[],
    values: readonly unknown[],
    settings: Settings,
    corrupt: CorruptList,
    next: (pages: StatePageSet) => void,
  ): void {
    const pages = new StatePageSet();
    const rebuild: CardId[] = [];
    const brokenPages = new Set<number>();
    pageIndices.forEach((pageIndex, index) => {
      const value = values[index];
      if (value === undefined) return;
      const key = statePageKey(pageIndex);
      const unpacked = unpackStatePage(value, pageIndex);
      if (!unpacked.ok) {
        setAside(scope, key, value, unpacked.reason, corrupt);
        brokenPages.add(pageIndex);
        return;
      }
      pages.add(unpacked.value.states);
      for (const broken of unpacked.value.broken) {
        keepAside(scope, [...key, broken.cardId], broken.value, broken.reason, corrupt);
        rebuild.push(broken.cardId);
        pages.markChanged(pageIndex);
      }
    });
    this.cardsOnPages(scope, brokenPages, (lost) => {
      for (const pageIndex of brokenPages) pages.markChanged(pageIndex);
      const cards = [...rebuild, ...lost];
      this.replayCards(scope, cards, settings, corrupt, (rebuilt) => {
        for (const id of cards) pages.set(id, rebuilt.get(id));
        writeStatePages(scope, pages);
        next(pages);
      });
    });
  }

  /** Rebuilds cards' states from their logs; a card whose log holds no counted review has none. */
  private replayCards<T>(
    scope: TransactionScope<T>,
    cardIds: readonly CardId[],
    settings: Settings,
    corrupt: CorruptList,
    next: (states: Map<CardId, CardState>) => void,
  ): void {
    if (cardIds.length === 0) {
      next(new Map());
      return;
    }
    const scheduler = this.schedulerFor()(settings);
    this.readCardLogs(scope, cardIds, corrupt, (logs) => {
      const states = new Map<CardId, CardState>();
      for (const [id, log] of logs) {
        const state = scheduler.replay(id, log);
        if (state) states.set(id, state);
      }
      next(states);
    });
  }

  /** The cards with events whose states belong on these pages: what a lost page held. */
  private cardsOnPages<T>(
    scope: TransactionScope<T>,
    pageIndices: ReadonlySet<number>,
    next: (cardIds: CardId[]) => void,
  ): void {
    if (pageIndices.size === 0) {
      next([]);
      return;
    }
    const keys = scope.store.getAllKeys(kindRange('event'));
    scope.afterAll([keys], () => {
      const cardIds = new Set<CardId>();
      for (const key of keys.result) {
        const id = keyPart(key, 1);
        if (id !== undefined && pageIndices.has(statePageOf(id))) cardIds.add(id as CardId);
      }
      next([...cardIds]);
    });
  }
}
