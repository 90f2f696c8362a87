import type { UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import type { CardState, ProgressEvent, Settings } from '../domain/progress';
import type { Parsed } from '../domain/validation/parsed';
import { compareEventsByTime } from '../scheduler/effective-reviews';
import type { CardCommit } from './card-commit';
import type { CommitPlan } from './commit-plan';
import { parseEventAt } from './event-record-validation';
import { storeCommits } from './idb-store-commits';
import { runTransaction, type TransactionScope } from './idb-transaction';
import type { CorruptRecord } from './progress-repository';
import { readSettings } from './read-settings';
import type { OrSchedulerNeeded, SchedulerIn, SchedulerInScope } from './scheduler-needed';
import { planWithdrawals, takeDuplicateCopies } from './set-aside-events';
import { readStatePages, repairStatePages } from './state-page-repair';
import type { StatePageSet } from './state-page-set';
import { cardEventsRange, kindRange, type StoredEntry } from './store-keys';

// Cards' event logs read inside a transaction, and the repairs such reads make: events that fail
// validation or repeat an id are set aside and withdrawn, damaged state pages are rebuilt from the
// logs. Loaded on first need: a first screen with sound records runs none of it.

/** A stored record that passed its check, with its value parsed. */
interface Valid<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

/** The events of these logs, in replay order. */
function inTimeOrder(logs: ReadonlyMap<CardId, ProgressEvent[]>): ProgressEvent[] {
  return [...logs.values()].flat().sort(compareEventsByTime);
}

/** The events of these cards, in replay order. */
export function eventsOfCards(
  store: UseStore,
  schedulerInScope: SchedulerInScope,
  cardIds: readonly CardId[],
): Promise<OrSchedulerNeeded<ProgressEvent[]>> {
  return runTransaction(store, 'readwrite', 'Reading the events of cards', (scope) => {
    const logs = new CardLogs(scope, schedulerInScope(scope));
    logs.readCardLogs(cardIds, (read) => scope.finish(inTimeOrder(read)));
  });
}

/** Every event, in replay order. */
export function allEvents(
  store: UseStore,
  schedulerInScope: SchedulerInScope,
): Promise<OrSchedulerNeeded<ProgressEvent[]>> {
  return runTransaction(store, 'readwrite', 'Reading all events', (scope) => {
    const logs = new CardLogs(scope, schedulerInScope(scope));
    logs.readValid(kindRange('event'), parseEventAt, (valid, broken) => {
      const read = new Map<CardId, ProgressEvent[]>();
      for (const { value } of valid) {
        const log = read.get(value.cardId);
        if (log) log.push(value);
        else read.set(value.cardId, [value]);
      }
      logs.withdrawSetAside(read, broken, () => scope.finish(inTimeOrder(read)));
    });
  });
}

/** Reads these state pages again in a transaction that repairs them; see `repairStatePages`. */
export function repairStoredPages(
  store: UseStore,
  schedulerInScope: SchedulerInScope,
  pageIndices: readonly number[],
): Promise<
  OrSchedulerNeeded<{ states: ReadonlyMap<CardId, CardState>; corrupt: readonly CorruptRecord[] }>
> {
  return runTransaction(store, 'readwrite', 'Repairing card states', (scope) => {
    const logs = new CardLogs(scope, schedulerInScope(scope));
    readSettings(scope, (settings) => {
      logs.readStatePages(pageIndices, settings, (pages) => {
        scope.finish({ states: pages.states(), corrupt: scope.quarantine.records });
      });
    });
  });
}

/** The card logs of one transaction, and the repairs reading them makes. */
export class CardLogs<T> {
  private readonly scope: TransactionScope<T>;
  private readonly schedulerIn: SchedulerIn;

  constructor(scope: TransactionScope<T>, schedulerIn: SchedulerIn) {
    this.scope = scope;
    this.schedulerIn = schedulerIn;
  }

  /** Reads a range; valid records go to `next`, the others are set aside (and passed on too). */
  readValid<V>(
    range: IDBKeyRange,
    parse: (value: unknown, key: IDBValidKey) => Parsed<V>,
    next: (valid: Valid<V>[], broken: StoredEntry[]) => void,
  ): void {
    const { scope } = this;
    const values = scope.store.getAll(range);
    const keys = scope.store.getAllKeys(range);
    scope.afterAll([values, keys], () => {
      const valid: Valid<V>[] = [];
      const broken: StoredEntry[] = [];
      keys.result.forEach((key, index) => {
        const value: unknown = values.result[index];
        const parsed = parse(value, key);
        if (parsed.ok) valid.push({ key, value: parsed.value });
        else {
          scope.quarantine.setAside(key, value, parsed.reason);
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
  readCardLogs(
    cardIds: readonly CardId[],
    next: (logs: Map<CardId, ProgressEvent[]>) => void,
  ): void {
    const logs = new Map<CardId, ProgressEvent[]>();
    const setAside: StoredEntry[] = [];
    let pending = cardIds.length;
    if (pending === 0) {
      next(logs);
      return;
    }
    for (const id of cardIds) {
      this.readValid(cardEventsRange(id), parseEventAt, (events, broken) => {
        logs.set(
          id,
          events.map(({ value }) => value),
        );
        setAside.push(...broken);
        pending -= 1;
        if (pending === 0) this.withdrawSetAside(logs, setAside, () => next(logs));
      });
    }
  }

  /**
   * Sets aside the second copies of an id under another card (see `takeDuplicateCopies`), then
   * takes those and the events that failed validation (already set aside) out of the card states
   * and counts they fed (see `planWithdrawals`).
   */
  withdrawSetAside(
    logs: Map<CardId, ProgressEvent[]>,
    setAsideRecords: readonly StoredEntry[],
    next: () => void,
  ): void {
    if (setAsideRecords.length === 0 && logs.size < 2) {
      next();
      return;
    }
    const { scope } = this;
    const copies = takeDuplicateCopies(logs);
    for (const copy of copies) scope.quarantine.setAside(copy.key, copy.value, copy.reason);
    const withdrawn = [...setAsideRecords, ...copies];
    readSettings(scope, (settings) => {
      const scheduler = this.schedulerIn(settings);
      if (!scheduler) return;
      const { plans, ...deltas } = planWithdrawals(logs, withdrawn, scheduler, settings);
      this.storeCommits(settings, plans, deltas, next);
    });
  }

  /** Writes planned commits (see `storeCommits`), repairing the state pages they land on. */
  storeCommits(
    settings: Settings,
    commits: readonly CardCommit[],
    deltas: Pick<CommitPlan, 'dayDeltas' | 'retentionDeltas'>,
    next: () => void,
  ): void {
    storeCommits(
      this.scope,
      (pageIndices, pagesRead) => this.readStatePages(pageIndices, settings, pagesRead),
      commits,
      deltas,
      next,
    );
  }

  /** Reads these state pages and repairs what fails validation (`state-page-repair.ts`). */
  readStatePages(
    pageIndices: readonly number[],
    settings: Settings,
    next: (pages: StatePageSet) => void,
  ): void {
    readStatePages(this.scope, pageIndices, this.rebuildStates(settings), next);
  }

  /** Repairs state pages as read (`values`, one per page index): see `state-page-repair.ts`. */
  repairStatePages(
    pageIndices: readonly number[],
    values: readonly unknown[],
    settings: Settings,
    next: (pages: StatePageSet) => void,
  ): void {
    repairStatePages(this.scope, pageIndices, values, this.rebuildStates(settings), next);
  }

  /** Rebuilds cards' states from their logs; a card whose log holds no counted review has none. */
  private rebuildStates(settings: Settings) {
    return (cardIds: readonly CardId[], next: (states: Map<CardId, CardState>) => void) => {
      if (cardIds.length === 0) {
        next(new Map());
        return;
      }
      const scheduler = this.schedulerIn(settings);
      if (!scheduler) return;
      this.readCardLogs(cardIds, (logs) => {
        const states = new Map<CardId, CardState>();
        for (const [id, log] of logs) {
          const state = scheduler.replay(id, log);
          if (state) states.set(id, state);
        }
        next(states);
      });
    };
  }
}
