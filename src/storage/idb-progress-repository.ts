import { createStore, type UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import type {
  CardState,
  ProgressEvent,
  ReviewEvent,
  Settings,
  UndoEvent,
} from '../domain/progress';
import { requireSettings } from '../domain/validation/settings';
import type { IdbCardLogs } from './idb-card-logs';
import type { CommitTarget } from './idb-commit-events';
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
import { parseDayAt, parseSchemaVersion, parseTotals } from './record-validation';
import { assertKnownSchemaVersion, currentSchemaVersion } from './schema-version';
import { type CorruptList, readSettings } from './set-aside-records';
import { statePageOf, statePagesOf, unpackStatePage } from './state-page';
import {
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

/** A replay was needed before the scheduler had loaded; the transaction aborts and runs again. */
class SchedulerNotLoaded extends Error {}

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
  /** Log reads and the repairs they make, loaded with the scheduler: no part of start-up either. */
  private loadedCardLogs: IdbCardLogs | undefined;
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
    const cardLogs = await this.loadCardLogs();
    const repaired = await this.replaying(() =>
      cardLogs.repairStoredPages(this.store, damagedPages),
    );
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
      readSettings(scope, corrupt, (settings) => {
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

  async statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    await this.open();
    return this.replaying(() => this.readStates(cardIds));
  }

  private readStates(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    return runTransaction(this.store, 'readwrite', 'Reading card states', (scope) => {
      const corrupt: CorruptList = [];
      readSettings(scope, corrupt, (settings) => {
        this.readStatePages(scope, statePagesOf(cardIds), settings, corrupt, (pages) => {
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
    const [{ commitReview }, target] = await this.writePath();
    return commitReview(target, event);
  }

  async commitUndo(event: UndoEvent): Promise<CardState | undefined> {
    const [{ commitUndo }, target] = await this.writePath();
    return commitUndo(target, event);
  }

  async eventsForCard(cardId: CardId): Promise<ProgressEvent[]> {
    return this.eventsForCards([cardId]);
  }

  async eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]> {
    await this.open();
    // Reads of several logs look for ids stored twice, with code that loads with the scheduler.
    await (cardIds.length > 1 ? this.loadScheduler() : this.loadCardLogs());
    return this.replaying(() => this.cardLogs().eventsOfCards(this.store, cardIds));
  }

  async allEvents(): Promise<ProgressEvent[]> {
    await Promise.all([this.open(), this.loadScheduler()]);
    return this.replaying(() => this.cardLogs().allEvents(this.store));
  }

  async mergeEvents(events: readonly unknown[], options: MergeOptions = {}): Promise<MergeResult> {
    const [{ mergeEvents }, target] = await this.writePath();
    return mergeEvents(target, events, options);
  }

  async getSettings(): Promise<Settings> {
    await this.open();
    return runTransaction(this.store, 'readwrite', 'Reading settings', (scope) => {
      readSettings(scope, [], (settings) => scope.finish(settings));
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

  /** The one write path for events, loaded with the first commit: see `idb-commit-events.ts`. */
  private async writePath(): Promise<[typeof import('./idb-commit-events'), CommitTarget]> {
    const [writes, cardLogs] = await Promise.all([
      import('./idb-commit-events'),
      this.loadCardLogs(),
      this.loadScheduler(),
    ]);
    const target: CommitTarget = {
      store: this.store,
      cardLogs,
      schedulerFor: () => this.schedulerFor(),
      open: () => this.open(),
      clock: this.clock,
    };
    return [writes, target];
  }

  /**
   * Reads these state pages. Sound pages are only read; when one fails validation, the card log
   * reads repair them in this transaction (see `IdbCardLogs.repairStatePages`).
   */
  private readStatePages<T>(
    scope: TransactionScope<T>,
    pageIndices: readonly number[],
    settings: Settings,
    corrupt: CorruptList,
    next: (states: StatesRead) => void,
  ): void {
    const requests = pageIndices.map((index) => scope.store.get(statePageKey(index)));
    scope.afterAll(requests, () => {
      const values = requests.map((request): unknown => request.result);
      const states = soundPages(pageIndices, values);
      if (states) next(states);
      else this.cardLogs().repairStatePages(scope, pageIndices, values, settings, corrupt, next);
    });
  }

  private async loadScheduler(): Promise<SchedulerForSettings> {
    await this.loadCardLogs();
    this.loadedSchedulerFor ??= await this.lazySchedulerFor.load();
    return this.loadedSchedulerFor;
  }

  private async loadCardLogs(): Promise<IdbCardLogs> {
    if (!this.loadedCardLogs) {
      const { IdbCardLogs } = await import('./idb-card-logs');
      this.loadedCardLogs ??= new IdbCardLogs(() => this.schedulerFor());
    }
    return this.loadedCardLogs;
  }

  /** The scheduler, inside a transaction: when it has not loaded yet, see `replaying`. */
  private schedulerFor(): SchedulerForSettings {
    if (!this.loadedSchedulerFor) throw new SchedulerNotLoaded('the scheduler is loading');
    return this.loadedSchedulerFor;
  }

  /** The card log reads, inside a transaction: when they have not loaded yet, see `replaying`. */
  private cardLogs(): IdbCardLogs {
    if (!this.loadedCardLogs) throw new SchedulerNotLoaded('the card log reads are loading');
    return this.loadedCardLogs;
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

/** The states on pages read in a transaction, by card (a `StatePageSet` after a repair). */
interface StatesRead {
  get(cardId: CardId): CardState | undefined;
}

/** The states on pages as read (`values`, one per page index); undefined when any needs repair. */
function soundPages(
  pageIndices: readonly number[],
  values: readonly unknown[],
): StatesRead | undefined {
  const states = new Map<CardId, CardState>();
  for (const [index, pageIndex] of pageIndices.entries()) {
    const value = values[index];
    if (value === undefined) continue;
    const unpacked = unpackStatePage(value, pageIndex);
    if (!unpacked.ok || unpacked.value.broken.length > 0) return undefined;
    for (const state of unpacked.value.states) states.set(state.cardId, state);
  }
  return states;
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
