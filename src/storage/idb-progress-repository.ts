import { createStore, type UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import {
  type CardState,
  defaultSettings,
  type ProgressEvent,
  type ReviewEvent,
  type Settings,
  type UndoEvent,
} from '../domain/progress';
import type { CardCommit } from './card-commit';
import { ProgressStoreError, runTransaction, type TransactionScope } from './idb-transaction';
import type { StoredEntry } from './migrations';
import type {
  Clock,
  CorruptRecord,
  DailyCounts,
  MergeOptions,
  MergeResult,
  ProgressRepository,
  ProgressSnapshot,
  RepairReport,
  SchedulerForSettings,
} from './progress-repository';
import {
  type Parsed,
  parseDayAt,
  parseDayRecord,
  parseEventAt,
  parseSchemaVersion,
  parseSettings,
  parseTotals,
  requireSettings,
} from './record-validation';
import { assertKnownSchemaVersion, currentSchemaVersion } from './schema-version';
import type { StoredRecord } from './set-aside-events';
import { StatePageSet, statePageOf, unpackStatePage } from './state-page';
import {
  cardEventsRange,
  corruptKey,
  dayRecordKey,
  eventKey,
  keyPart,
  keyText,
  kindRange,
  numericKeyPart,
  schemaVersionKey,
  settingsKey,
  statePageKey,
  totalsKey,
} from './store-keys';

export const progressStoreName = 'progress';

/** A scheduler loaded on first need: ts-fsrs is no part of the app's first screen. */
export interface LazySchedulerFor {
  load(): Promise<SchedulerForSettings>;
}

export interface IdbProgressRepositoryOptions {
  /** An idb-keyval store; see `createIdbProgressRepository`. */
  readonly store: UseStore;
  readonly schedulerFor: SchedulerForSettings | LazySchedulerFor;
  /** When events arrive; Date.now unless a test fixes it. */
  readonly clock?: Clock;
}

/** How `commitEvents` treats what it is given. */
interface CommitOptions {
  /** Each event must cancel a review its card's log holds. */
  readonly undo?: boolean;
  /** Refuse events whose ids the store holds for other cards (merges; fresh UUIDs need no check). */
  readonly checkIdOwners?: boolean;
  /** Settings saved in the same transaction, and used for its replays. */
  readonly settings?: Settings;
}

/** A replay was needed before the scheduler had loaded; the transaction aborts and runs again. */
class SchedulerNotLoaded extends Error {}

interface Valid<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

/** Where corrupt records found during one transaction are reported. */
type CorruptList = CorruptRecord[];

/**
 * Progress in IndexedDB, through idb-keyval's custom-store callback so that each operation is one
 * transaction of raw requests (see `store-keys.ts` for the layout). Every method first makes sure
 * the store is at the current schema version, migrating it once if needed.
 *
 * Reads run in read-write transactions: a record that fails validation is moved aside to
 * ['corrupt', key] at once, and a corrupt card state is rebuilt from the card's events.
 */
export class IdbProgressRepository implements ProgressRepository {
  private readonly store: UseStore;
  private readonly lazySchedulerFor: LazySchedulerFor;
  private readonly clock: Clock;
  private loadedSchedulerFor: SchedulerForSettings | undefined;
  /** What reads set aside and take back, loaded with the scheduler: no part of start-up either. */
  private loadedSetAsideEvents: typeof import('./set-aside-events') | undefined;
  private opening: Promise<void> | undefined;

  constructor(options: IdbProgressRepositoryOptions) {
    this.store = options.store;
    this.clock = options.clock ?? (() => Date.now());
    const { schedulerFor } = options;
    if (typeof schedulerFor === 'function') this.loadedSchedulerFor = schedulerFor;
    this.lazySchedulerFor =
      typeof schedulerFor === 'function' ? { load: async () => schedulerFor } : schedulerFor;
  }

  /** Opens the database and migrates it; done once, retried after a failure. */
  open(): Promise<void> {
    this.opening ??= this.migrate().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  /**
   * One transaction reads everything start-up needs; the card states are unpacked after it, in
   * slices of pages with a task boundary between them, so that input is never blocked for long
   * (80,000 states take about 100 ms). Pages that fail validation are then repaired in a second
   * transaction, which rebuilds their states from the cards' logs.
   */
  async load(): Promise<ProgressSnapshot> {
    await this.open();
    const { snapshot, pages } = await this.readRepairingCounts();
    const { states, damagedPages } = await unpackInSlices(pages);
    if (damagedPages.length === 0) return { ...snapshot, states };
    const repaired = await this.replaying(() => this.repairStatePages(damagedPages));
    const damaged = new Set(damagedPages);
    for (const id of states.keys()) if (damaged.has(statePageOf(id))) states.delete(id);
    for (const [id, state] of repaired.states) states.set(id, state);
    return {
      ...snapshot,
      states,
      corrupt: [...snapshot.corrupt, ...repaired.corrupt],
    };
  }

  async loadDailyCounts(): Promise<DailyCounts> {
    await this.open();
    const { snapshot } = await this.readRepairingCounts(false);
    return { reviewsByDay: snapshot.reviewsByDay, totalReviews: snapshot.totalReviews };
  }

  /**
   * The start-up read. When a day record or the total fails validation, every count is first
   * rebuilt from the log (the only start-up path that reads it), then read again.
   */
  private async readRepairingCounts(withPages = true) {
    const stored = await this.readSnapshot(withPages);
    if (!stored.countsDamaged) return stored;
    const { checkAndRepairStore } = await import('./idb-check-and-repair');
    // Counts only: checking card states needs the scheduler, which start-up does not load.
    await checkAndRepairStore(this.store, undefined, nextTask);
    return this.readSnapshot(withPages);
  }

  /**
   * Everything start-up reads, the state pages raw (none when `withPages` is false). Day records and
   * the total are only checked here: when one fails, `countsDamaged` says so.
   */
  private readSnapshot(withPages = true): Promise<{
    snapshot: Omit<ProgressSnapshot, 'states'>;
    pages: StoredEntry[];
    countsDamaged: boolean;
  }> {
    return runTransaction(this.store, 'readwrite', 'Loading progress', (scope) => {
      const { store } = scope;
      const corrupt: CorruptList = [];
      const earlierCorrupt = store.getAll(kindRange('corrupt'));
      const totals = store.get(totalsKey);
      const dayValues = store.getAll(kindRange('day'));
      const dayKeys = store.getAllKeys(kindRange('day'));
      const pageReads = withPages
        ? { values: store.getAll(kindRange('states')), keys: store.getAllKeys(kindRange('states')) }
        : undefined;
      this.readSettings(scope, corrupt, (settings) => {
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
              corrupt: [...earlierCorrupt.result.map(describeCorrupt), ...corrupt],
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

  /** Reads these pages again in a transaction that repairs them; see `readStatePages`. */
  private repairStatePages(
    pageIndices: readonly number[],
  ): Promise<{ states: ReadonlyMap<CardId, CardState>; corrupt: CorruptRecord[] }> {
    return runTransaction(this.store, 'readwrite', 'Repairing card states', (scope) => {
      const corrupt: CorruptList = [];
      this.readSettings(scope, corrupt, (settings) => {
        this.readStatePages(scope, pageIndices, settings, corrupt, (pages) => {
          scope.finish({ states: pages.states(), corrupt });
        });
      });
    });
  }

  async statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    await this.open();
    return this.replaying(() => this.readStates(cardIds));
  }

  private readStates(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    return runTransaction(this.store, 'readwrite', 'Reading card states', (scope) => {
      const corrupt: CorruptList = [];
      this.readSettings(scope, corrupt, (settings) => {
        this.readStatePages(scope, pagesOf(cardIds), settings, corrupt, (pages) => {
          const found = new Map<CardId, CardState>();
          for (const id of cardIds) {
            const state = pages.get(id);
            if (state) found.set(id, state);
          }
          scope.finish(found);
        });
      });
    });
  }

  async commitReview(event: ReviewEvent): Promise<CardState> {
    const action = `Saving review ${event.id} of card ${event.cardId}`;
    const [commit] = await this.commitEvents(action, [event]);
    if (!commit?.state) throw new Error(`${action} failed: an undo already cancels it`);
    return commit.state;
  }

  async commitUndo(event: UndoEvent): Promise<CardState | undefined> {
    const action = `Undoing review ${event.cancelsEventId} of card ${event.cardId}`;
    const [commit] = await this.commitEvents(action, [event], { undo: true });
    return commit?.state;
  }

  async eventsForCard(cardId: CardId): Promise<ProgressEvent[]> {
    return this.eventsForCards([cardId]);
  }

  async eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]> {
    await this.open();
    // Reads of several logs look for ids stored twice, with code that loads with the scheduler.
    if (cardIds.length > 1) await this.loadScheduler();
    const events = await this.replaying(() =>
      runTransaction<ProgressEvent[]>(
        this.store,
        'readwrite',
        'Reading the events of cards',
        (scope) => {
          this.readCardLogs(scope, cardIds, [], (logs) => scope.finish([...logs.values()].flat()));
        },
      ),
    );
    return inTimeOrder(events);
  }

  async allEvents(): Promise<ProgressEvent[]> {
    await Promise.all([this.open(), this.loadScheduler()]);
    const events = await this.replaying(() =>
      runTransaction<ProgressEvent[]>(this.store, 'readwrite', 'Reading all events', (scope) => {
        const corrupt: CorruptList = [];
        this.readValid(scope, kindRange('event'), parseEventAt, corrupt, (valid, broken) => {
          const logs = new Map<CardId, ProgressEvent[]>();
          for (const { value } of valid) {
            const log = logs.get(value.cardId);
            if (log) log.push(value);
            else logs.set(value.cardId, [value]);
          }
          this.withdrawSetAside(scope, logs, broken, corrupt, () =>
            scope.finish([...logs.values()].flat()),
          );
        });
      }),
    );
    return inTimeOrder(events);
  }

  async mergeEvents(events: readonly unknown[], options: MergeOptions = {}): Promise<MergeResult> {
    const action = 'Merging events';
    const settings = options.settings && requireSettings(options.settings, action);
    const commits = await this.commitEvents(action, events, {
      checkIdOwners: true,
      ...(settings ? { settings } : {}),
    });
    const changed = commits.filter((commit) => commit.addedEvents.length > 0);
    return {
      addedEvents: changed.reduce((sum, commit) => sum + commit.addedEvents.length, 0),
      addedReviews: changed.reduce(
        (sum, commit) => sum + commit.addedEvents.filter((e) => e.kind === 'review').length,
        0,
      ),
      cardIds: changed.map((commit) => commit.cardId),
    };
  }

  async getSettings(): Promise<Settings> {
    await this.open();
    return runTransaction(this.store, 'readwrite', 'Reading settings', (scope) => {
      this.readSettings(scope, [], (settings) => scope.finish(settings));
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    const valid = requireSettings(settings, 'Saving settings');
    await this.open();
    await runTransaction<void>(this.store, 'readwrite', 'Saving settings', (scope) => {
      scope.store.put(valid, settingsKey);
      scope.finish(undefined);
    });
  }

  /** Loaded with its first use, like the migrations: see `idb-check-and-repair.ts`. */
  async checkAndRepair(): Promise<RepairReport> {
    await this.open();
    const [{ checkAndRepairStore }, schedulerFor] = await Promise.all([
      import('./idb-check-and-repair'),
      this.loadScheduler(),
    ]);
    return checkAndRepairStore(this.store, schedulerFor, nextTask);
  }

  /**
   * The one write path for events: in a single transaction, read the cards' logs, add the new
   * events, replay each card, store the states, move the day counts and the total.
   */
  private async commitEvents(
    action: string,
    values: readonly unknown[],
    options: CommitOptions = {},
  ): Promise<CardCommit[]> {
    // The write path loads with the first commit, with the scheduler: not at start-up.
    const [cardCommit, arrival] = await Promise.all([
      import('./card-commit'),
      import('./arrival-times'),
      this.loadScheduler(),
    ]);
    const { addDayDeltas, checkIdOwner, checkUndoTarget, groupByCard, planCardCommit } = cardCommit;
    const incoming = arrival.requireEvents(values, action, this.clock());
    await this.open();
    const groups = groupByCard(incoming);
    return runTransaction(this.store, 'readwrite', action, (scope) => {
      const { store } = scope;
      const corrupt: CorruptList = [];
      // Requests complete in the order they were made: these keys are read before the logs are.
      const idOwnerKeys = options.checkIdOwners ? store.getAllKeys(kindRange('event')) : undefined;
      this.readSettings(scope, corrupt, (storedSettings) => {
        const settings = options.settings ?? storedSettings;
        if (options.settings) store.put(options.settings, settingsKey);
        this.readCardLogs(scope, [...groups.keys()], corrupt, (logs) => {
          if (idOwnerKeys) {
            const storedCardOfId = cardCommit.cardsOfEventIds(idOwnerKeys.result);
            for (const event of incoming) checkIdOwner(event, storedCardOfId.get(event.id), action);
          }
          const scheduler = this.schedulerFor()(settings);
          const commits = [...groups].map(([id, events]) => {
            const stored = logs.get(id) ?? [];
            if (options.undo) for (const event of events) checkUndoTarget(stored, event);
            return planCardCommit(id, stored, events, scheduler, settings.dayStartHour);
          });
          const dayDeltas = new Map<string, number>();
          for (const commit of commits) addDayDeltas(dayDeltas, commit.reviewDeltaByDay);
          const changed = commits.filter((commit) => commit.addedEvents.length > 0);
          this.storeCommits(scope, settings, changed, dayDeltas, corrupt, () =>
            scope.finish(commits),
          );
        });
      });
    });
  }

  /**
   * Writes planned commits: their new events, their cards' states (on pages read, and repaired,
   * first), and the day counts and the total moved by `dayDeltas` (none below zero).
   */
  private storeCommits<T>(
    scope: TransactionScope<T>,
    settings: Settings,
    commits: readonly CardCommit[],
    dayDeltas: ReadonlyMap<string, number>,
    corrupt: CorruptList,
    next: () => void,
  ): void {
    const { store } = scope;
    const days = [...dayDeltas].filter(([, delta]) => delta !== 0);
    const dayRequests = days.map(([day]) => store.get(dayRecordKey(day)));
    const totals = store.get(totalsKey);
    const pageIndices = pagesOf(commits.map((commit) => commit.cardId));

    this.readStatePages(scope, pageIndices, settings, corrupt, (pages) => {
      scope.afterAll([...dayRequests, totals], () => {
        for (const commit of commits) {
          for (const event of commit.addedEvents) store.put(event, eventKey(event));
          pages.set(commit.cardId, commit.state);
        }
        this.writeStatePages(scope, pages);
        let totalDelta = 0;
        days.forEach(([day, delta], index) => {
          totalDelta += delta;
          const key = dayRecordKey(day);
          const parse = (value: unknown) => parseDayRecord(value, day);
          const stored = this.validOrSetAside(
            scope,
            key,
            dayRequests[index]?.result,
            parse,
            corrupt,
          );
          const reviewCount = Math.max(0, (stored?.reviewCount ?? 0) + delta);
          if (reviewCount === 0) store.delete(key);
          else store.put({ dayKey: day, reviewCount }, key);
        });
        if (totalDelta !== 0) {
          const stored = this.validOrSetAside(
            scope,
            totalsKey,
            totals.result,
            parseTotals,
            corrupt,
          );
          const reviewCount = Math.max(0, (stored?.reviewCount ?? 0) + totalDelta);
          store.put({ reviewCount }, totalsKey);
        }
        next();
      });
    });
  }

  /**
   * Sets aside the second copies of an id under another card (see `takeDuplicateCopies`), then
   * takes those and the events that failed validation (already set aside) out of the card states
   * and counts they fed (see `planWithdrawals`).
   */
  private withdrawSetAside<T>(
    scope: TransactionScope<T>,
    logs: Map<CardId, ProgressEvent[]>,
    setAside: readonly StoredRecord[],
    corrupt: CorruptList,
    next: () => void,
  ): void {
    if (setAside.length === 0 && logs.size < 2) {
      next();
      return;
    }
    const { planWithdrawals, takeDuplicateCopies } = this.setAsideEvents();
    const copies = takeDuplicateCopies(logs);
    for (const copy of copies) this.setAside(scope, copy.key, copy.value, copy.reason, corrupt);
    const withdrawn = [...setAside, ...copies];
    this.readSettings(scope, corrupt, (settings) => {
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

  /** Reads settings: defaults when none were saved, and when the saved ones are corrupt. */
  private readSettings<T>(
    scope: TransactionScope<T>,
    corrupt: CorruptList,
    next: (settings: Settings) => void,
  ): void {
    const request = scope.store.get(settingsKey);
    scope.afterAll([request], () => {
      next(
        this.validOrSetAside(scope, settingsKey, request.result, parseSettings, corrupt) ??
          defaultSettings,
      );
    });
  }

  /** Reads a range; valid records go to `next`, the others are set aside (and passed on too). */
  private readValid<T, V>(
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
          this.setAside(scope, key, value, parsed.reason, corrupt);
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
  private readCardLogs<T>(
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

  /**
   * Reads these state pages and repairs what fails
   * validation: a broken page is set aside and the states of its cards are rebuilt from their
   * logs, as is a single broken state; the repaired pages are written back at once.
   */
  private readStatePages<T>(
    scope: TransactionScope<T>,
    pageIndices: readonly number[],
    settings: Settings,
    corrupt: CorruptList,
    next: (pages: StatePageSet) => void,
  ): void {
    const requests = pageIndices.map((index) => scope.store.get(statePageKey(index)));
    scope.afterAll(requests, () => {
      const pages = new StatePageSet();
      const rebuild: CardId[] = [];
      const brokenPages = new Set<number>();
      pageIndices.forEach((pageIndex, index) => {
        const value: unknown = requests[index]?.result;
        if (value === undefined) return;
        const key = statePageKey(pageIndex);
        const unpacked = unpackStatePage(value, pageIndex);
        if (!unpacked.ok) {
          this.setAside(scope, key, value, unpacked.reason, corrupt);
          brokenPages.add(pageIndex);
          return;
        }
        pages.add(unpacked.value.states);
        for (const broken of unpacked.value.broken) {
          this.keepAside(scope, [...key, broken.cardId], broken.value, broken.reason, corrupt);
          rebuild.push(broken.cardId);
          pages.markChanged(pageIndex);
        }
      });
      this.cardsOnPages(scope, brokenPages, (lost) => {
        for (const pageIndex of brokenPages) pages.markChanged(pageIndex);
        const cards = [...rebuild, ...lost];
        this.replayCards(scope, cards, settings, corrupt, (rebuilt) => {
          for (const id of cards) pages.set(id, rebuilt.get(id));
          this.writeStatePages(scope, pages);
          next(pages);
        });
      });
    });
  }

  /** Writes back the pages that changed. */
  private writeStatePages<T>(scope: TransactionScope<T>, pages: StatePageSet): void {
    for (const { pageIndex, page } of pages.packChanged()) {
      if (page) scope.store.put(page, statePageKey(pageIndex));
      else scope.store.delete(statePageKey(pageIndex));
    }
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

  private validOrSetAside<T, V>(
    scope: TransactionScope<T>,
    key: IDBValidKey,
    value: unknown,
    parse: (value: unknown) => Parsed<V>,
    corrupt: CorruptList,
  ): V | undefined {
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    this.setAside(scope, key, value, parsed.reason, corrupt);
    return undefined;
  }

  /** Moves a record to ['corrupt', key] and reports it. */
  private setAside<T>(
    scope: TransactionScope<T>,
    key: IDBValidKey,
    value: unknown,
    reason: string,
    corrupt: CorruptList,
  ): void {
    this.keepAside(scope, key, value, reason, corrupt);
    scope.store.delete(key);
  }

  /** Keeps a copy of a bad value at ['corrupt', key] and reports it; the caller repairs the key. */
  private keepAside<T>(
    scope: TransactionScope<T>,
    key: IDBValidKey,
    value: unknown,
    reason: string,
    corrupt: CorruptList,
  ): void {
    scope.store.put({ key, value, reason }, corruptKey(key));
    corrupt.push({ key: keyText(key), reason });
  }

  private async loadScheduler(): Promise<SchedulerForSettings> {
    this.loadedSetAsideEvents ??= await import('./set-aside-events');
    this.loadedSchedulerFor ??= await this.lazySchedulerFor.load();
    return this.loadedSchedulerFor;
  }

  /** The scheduler, inside a transaction: when it has not loaded yet, see `replaying`. */
  private schedulerFor(): SchedulerForSettings {
    if (!this.loadedSchedulerFor) throw new SchedulerNotLoaded('the scheduler is loading');
    return this.loadedSchedulerFor;
  }

  /** `set-aside-events`, inside a transaction: when it has not loaded yet, see `replaying`. */
  private setAsideEvents(): typeof import('./set-aside-events') {
    if (!this.loadedSetAsideEvents) throw new SchedulerNotLoaded('set-aside-events is loading');
    return this.loadedSetAsideEvents;
  }

  /**
   * Runs a transaction that replays cards only to repair or migrate records. Until the scheduler
   * is needed it is not loaded; when a replay finds it missing, the transaction aborts (writing
   * nothing), the scheduler loads, and the transaction runs again.
   */
  private async replaying<T>(transaction: () => Promise<T>): Promise<T> {
    try {
      return await transaction();
    } catch (error) {
      const needsScheduler =
        error instanceof ProgressStoreError && error.cause instanceof SchedulerNotLoaded;
      if (!needsScheduler) throw error;
      await this.loadScheduler();
      return transaction();
    }
  }

  /**
   * Brings the store to the current schema version. The version check is one small transaction;
   * only an older store loads the migrations and runs them, in a second one that checks again
   * (another tab may have migrated in between).
   */
  private async migrate(): Promise<void> {
    const storedVersion = await this.readSchemaVersion();
    if (storedVersion === currentSchemaVersion) return;
    if (storedVersion === undefined) {
      const { restampSchemaVersion } = await import('./restamp-schema-version');
      if ((await restampSchemaVersion(this.store)) === currentSchemaVersion) return;
    }
    const { migrateStore } = await import('./migrate-store');
    await this.replaying(() =>
      migrateStore(this.store, (settings) => this.schedulerFor()(settings)),
    );
  }

  /**
   * The stored schema version; an empty store is stamped with the current one. Undefined when the
   * record is missing or damaged: `migrate` then restores it from the records' layout.
   */
  private readSchemaVersion(): Promise<number | undefined> {
    return runTransaction(this.store, 'readwrite', 'Opening progress storage', (scope) => {
      const { store } = scope;
      const stored = store.get(schemaVersionKey);
      // One key tells an empty store from one written by version 1; count() would walk every
      // record on each start-up, over a second with a million reviews.
      const firstKey = store.getAllKeys(null, 1);
      scope.afterAll([stored, firstKey], () => {
        if (stored.result === undefined && firstKey.result.length === 0) {
          store.put(currentSchemaVersion, schemaVersionKey);
          scope.finish(currentSchemaVersion);
          return;
        }
        const parsed = parseSchemaVersion(stored.result);
        if (parsed.ok) assertKnownSchemaVersion(parsed.value);
        scope.finish(parsed.ok ? parsed.value : undefined);
      });
    });
  }
}

/** A task boundary: lets input and timers run between slices of start-up work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** States unpacked between two task boundaries: about 15 ms of work. */
const statesPerSlice = 10_000;

/**
 * Unpacks every stored page, yielding to the event loop after each `statesPerSlice` states; a page
 * that fails validation, or holds a state that does, is listed as damaged for the repair.
 */
async function unpackInSlices(
  pages: readonly StoredEntry[],
): Promise<{ states: Map<CardId, CardState>; damagedPages: number[] }> {
  const states = new Map<CardId, CardState>();
  const damagedPages: number[] = [];
  let sinceYield = 0;
  for (const { key, value } of pages) {
    if (sinceYield >= statesPerSlice) {
      sinceYield = 0;
      await nextTask();
    }
    const pageIndex = numericKeyPart(key, 1) ?? -1;
    const unpacked = unpackStatePage(value, pageIndex);
    if (!unpacked.ok || unpacked.value.broken.length > 0) {
      damagedPages.push(pageIndex);
      continue;
    }
    for (const state of unpacked.value.states) states.set(state.cardId, state);
    sinceYield += unpacked.value.states.length;
  }
  return { states, damagedPages };
}

/** Events in replay order; the ordering module loads with the first read of a log. */
async function inTimeOrder(events: ProgressEvent[]): Promise<ProgressEvent[]> {
  const { compareEventsByTime } = await import('../scheduler/effective-reviews');
  return events.sort(compareEventsByTime);
}

/** The distinct pages that hold these cards' states. */
function pagesOf(cardIds: readonly CardId[]): number[] {
  return [...new Set(cardIds.map(statePageOf))];
}

function describeCorrupt(record: unknown): CorruptRecord {
  const fields = (typeof record === 'object' && record !== null ? record : {}) as Record<
    string,
    unknown
  >;
  return {
    key: keyText((fields.key as IDBValidKey | undefined) ?? 'unknown'),
    reason: typeof fields.reason === 'string' ? fields.reason : 'unknown',
  };
}

/** The app's repository: one database, one `progress` store. */
export function createIdbProgressRepository(
  dbName: string,
  schedulerFor: SchedulerForSettings,
): IdbProgressRepository {
  return new IdbProgressRepository({ store: createStore(dbName, progressStoreName), schedulerFor });
}
