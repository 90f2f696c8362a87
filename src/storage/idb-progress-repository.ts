import { createStore, type UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import { loadOnce } from '../domain/load-once';
import type {
  CardActionEvent,
  CardState,
  NoteEvent,
  ProgressEvent,
  ReviewEvent,
  Settings,
  UndoEvent,
} from '../domain/progress';
import { requireSettings } from '../domain/validation/settings';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import type { RetentionTally } from '../scheduler/retention-tally';
import { stampChange } from './change-stamp';
import type { CommitTarget } from './idb-commit-events';
import { runTransaction } from './idb-transaction';
import { nextTask } from './next-task';
import type {
  CardExtras,
  Clock,
  CommittedActions,
  CommittedCard,
  DailyCounts,
  DayTallies,
  MergeOptions,
  MergeResult,
  ProgressRepository,
  ProgressSnapshot,
  RepairReport,
  SchedulerForSettings,
} from './progress-repository';
import { readSettings } from './read-settings';
import { type LazySchedulerFor, SchedulerLoading } from './scheduler-loading';
import {
  readSnapshot,
  readSnapshotIfCurrent,
  type StartupListeners,
  type StartupRead,
} from './startup-read';
import { statePageOf } from './state-page';
import { readCardStates, unpackInSlices } from './state-page-reads';
import { settingsKey } from './store-keys';

export const progressStoreName = 'progress';

export interface IdbProgressRepositoryOptions {
  /** An idb-keyval store; see `createIdbProgressRepository`. */
  readonly store: UseStore;
  readonly schedulerFor: SchedulerForSettings | LazySchedulerFor;
  /** When events arrive; Date.now unless a test fixes it. */
  readonly clock?: Clock;
}

/**
 * Progress in IndexedDB, through idb-keyval's custom-store callback so that each operation is one
 * transaction of raw requests (see `store-keys.ts` for the layout). Every method first makes sure
 * the store is at the current schema version, migrating it once if needed.
 *
 * Reads run in read-write transactions: a record that fails validation is moved aside to
 * ['corrupt', key] at once (see `quarantine.ts`), and a corrupt card state is rebuilt from the
 * card's events, loading the scheduler first when needed (see `scheduler-needed.ts`).
 */
export class IdbProgressRepository implements ProgressRepository {
  private readonly store: UseStore;
  private readonly clock: Clock;
  /** The scheduler and the card-log reads, loaded on first need: no part of start-up. */
  private readonly loading: SchedulerLoading;
  private opening: Promise<void> | undefined;
  /** Start-up's read taken while opening, for `load`; dropped by any write before it is taken. */
  private startupRead: Promise<StartupRead> | undefined;

  constructor(options: IdbProgressRepositoryOptions) {
    this.store = options.store;
    this.clock = options.clock ?? (() => Date.now());
    this.loading = new SchedulerLoading(options.schedulerFor);
  }

  /** Opens the database and migrates it; done once, retried after a failure. */
  open(): Promise<void> {
    this.opening ??= this.retriedAfterFailure(this.migrate());
    return this.opening;
  }

  /**
   * Opens the store with start-up's read in the version check's transaction, for `load` to take:
   * the app starts with one transaction where `open` then `load` would take two. What start-up
   * can show before the card states go to `listeners` as soon as they are read.
   */
  async openWithStartupRead(listeners: StartupListeners = {}): Promise<void> {
    this.startupRead ??= this.readOpening(listeners);
    // Run while start-up reads (the page's start hints have fetched it by then): imported by
    // `load`, it came a few hundred ms after the read.
    this.extrasReads().catch(() => undefined);
    await Promise.all([this.startupRead, this.open()]);
  }

  /** The reads of card controls and notes, code of their own. */
  private readonly extrasReads = loadOnce(() => import('./card-extras-reads'));

  /** Loaded only for a store at another version: a current one never needs it. */
  private async migrate(): Promise<void> {
    const { migrateToCurrentVersion } = await import('./schema-migration');
    return migrateToCurrentVersion(this.store, () => this.loading.loadScheduler());
  }

  /** Writes call this first: a start-up read taken before them would show the store as it was. */
  private openToWrite(): Promise<void> {
    this.startupRead = undefined;
    return this.open();
  }

  /** An opening that failed is forgotten, so that the next call tries again. */
  private retriedAfterFailure(opening: Promise<void>): Promise<void> {
    return opening.catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
  }

  /**
   * One transaction reads everything start-up needs; the card states are unpacked after it, in
   * slices of time with a task boundary between them, so that input is never blocked for long
   * (80,000 states take about 100 ms). Pages that fail validation are then repaired in a second
   * transaction, which rebuilds their states from the cards' logs.
   */
  async load(): Promise<ProgressSnapshot> {
    const extrasReads = this.extrasReads();
    const read = this.startupRead ?? this.readOpening();
    this.startupRead = undefined;
    const [{ snapshot: counted, pageParts }, { extras, corrupt }] = await Promise.all([
      read,
      Promise.all([extrasReads, read]).then(([{ readAllExtras }]) => readAllExtras(this.store)),
    ]);
    const snapshot = { ...counted, ...extras, corrupt: [...counted.corrupt, ...corrupt] };
    const { states, damagedPages } = await unpackInSlices(pageParts);
    if (damagedPages.length === 0) return { ...snapshot, states };
    const { repairStoredPages } = await this.loading.loadCardLogs();
    const repaired = await this.loading.run(() =>
      repairStoredPages(this.store, this.loading.schedulerIn, damagedPages),
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
   * Start-up's read. Before the store is open it also checks the schema version, in the same
   * transaction: a store at this version then needs no transaction of its own to say so. Any
   * other store is opened (migrated, or refused) and read again.
   */
  private async readOpening(listeners?: StartupListeners) {
    if (!this.opening) {
      const combined = readSnapshotIfCurrent(this.store, listeners);
      // Opening waits for the version this read finds; only another version is migrated.
      this.opening = this.retriedAfterFailure(
        combined.then((read) => (read ? undefined : this.migrate())),
      );
      const read = await combined;
      if (read && !read.countsDamaged) return read;
    }
    await this.open();
    return this.readRepairingCounts();
  }

  /**
   * The start-up read. When a day record or the total fails validation, every count is first
   * rebuilt from the log (the only start-up path that reads it), then read again.
   */
  private async readRepairingCounts(withPages = true) {
    const stored = await readSnapshot(this.store, withPages);
    if (!stored.countsDamaged) return stored;
    const { checkAndRepairStore } = await import('./idb-check-and-repair');
    // Counts only: checking card states needs the scheduler, which start-up does not load.
    await checkAndRepairStore(this.store, undefined, nextTask);
    return readSnapshot(this.store, withPages);
  }

  async statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    await this.open();
    return this.loading.run(() => readCardStates(this.store, this.loading, cardIds));
  }

  async commitReview(event: ReviewEvent): Promise<CommittedCard<CardState>> {
    const [{ commitReview }, target] = await this.writePath();
    return commitReview(target, event);
  }

  async commitUndo(event: UndoEvent): Promise<CommittedCard> {
    const [{ commitUndo }, target] = await this.writePath();
    return commitUndo(target, event);
  }

  async commitActions(events: readonly (CardActionEvent | NoteEvent)[]): Promise<CommittedActions> {
    const [{ commitActions }, target] = await this.writePath();
    return commitActions(target, events);
  }

  async extrasFor(cardIds: readonly CardId[]): Promise<CardExtras> {
    await this.open();
    const { readExtrasFor } = await this.extrasReads();
    return readExtrasFor(this.store, cardIds);
  }

  async eventsForCard(cardId: CardId): Promise<ProgressEvent[]> {
    return this.eventsForCards([cardId]);
  }

  async eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]> {
    await this.open();
    const { eventsOfCards } = await this.loading.loadCardLogs();
    // Reads of several logs look for ids stored twice, which replays: load the scheduler first.
    if (cardIds.length > 1) await this.loading.loadScheduler();
    return this.loading.run(() => eventsOfCards(this.store, this.loading.schedulerIn, cardIds));
  }

  async allEvents(): Promise<ProgressEvent[]> {
    await Promise.all([this.open(), this.loading.loadScheduler()]);
    const { allEvents } = await this.loading.loadCardLogs();
    return this.loading.run(() => allEvents(this.store, this.loading.schedulerIn));
  }

  async mergeEvents(events: readonly unknown[], options: MergeOptions = {}): Promise<MergeResult> {
    const [{ mergeEvents }, target] = await this.writePath();
    return mergeEvents(target, events, options);
  }

  async getSettings(): Promise<Settings> {
    await this.open();
    return runTransaction(this.store, 'readwrite', 'Reading settings', (scope) => {
      readSettings(scope, (settings) => scope.finish(settings));
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    const valid = requireSettings(settings, 'Saving settings');
    await this.openToWrite();
    await runTransaction<void>(this.store, 'readwrite', 'Saving settings', (scope) => {
      scope.store.put(valid, settingsKey);
      stampChange(scope.store);
      scope.finish(undefined);
    });
  }

  /** Loaded with its first use, after the first screen. */
  async saveDeckCounts(record: DeckCountsRecord): Promise<boolean> {
    const [{ saveDeckCounts }] = await Promise.all([import('./save-deck-counts'), this.open()]);
    return saveDeckCounts(this.store, record);
  }

  async readDayTallies(
    nowMillis: number,
    windowDays: number,
    withEventCount = false,
  ): Promise<DayTallies> {
    await this.open();
    const { readDayTallies } = await import('./idb-retention-tallies');
    return readDayTallies(this.store, nowMillis, windowDays, withEventCount);
  }

  async fillDayTallies(
    counted: ReadonlyMap<string, RetentionTally>,
    eventCount: number,
  ): Promise<boolean> {
    await this.open();
    const { fillDayTallies } = await import('./idb-retention-tallies');
    return fillDayTallies(this.store, counted, eventCount);
  }

  /** Loaded with its first use, like the migrations: see `idb-check-and-repair.ts`. */
  async checkAndRepair(): Promise<RepairReport> {
    await this.openToWrite();
    const [{ checkAndRepairStore }, schedulerFor] = await Promise.all([
      import('./idb-check-and-repair'),
      this.loading.loadScheduler(),
    ]);
    return checkAndRepairStore(this.store, schedulerFor, nextTask);
  }

  /** The one write path for events, loaded with the first commit: see `idb-commit-events.ts`. */
  private async writePath(): Promise<[typeof import('./idb-commit-events'), CommitTarget]> {
    const [writes, schedulerFor] = await Promise.all([
      import('./idb-commit-events'),
      this.loading.loadScheduler(),
    ]);
    const target: CommitTarget = {
      store: this.store,
      schedulerFor,
      open: () => this.openToWrite(),
      clock: this.clock,
    };
    return [writes, target];
  }
}

/** The app's repository: one database, one `progress` store. */
export function createIdbProgressRepository(
  dbName: string,
  schedulerFor: SchedulerForSettings,
): IdbProgressRepository {
  return new IdbProgressRepository({ store: createStore(dbName, progressStoreName), schedulerFor });
}
