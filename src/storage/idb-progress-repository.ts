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
import { compareEventsByTime } from '../scheduler/effective-reviews';
import {
  addDayDeltas,
  type CardCommit,
  checkUndoTarget,
  groupByCard,
  planCardCommit,
} from './card-commit';
import { runTransaction, type TransactionScope } from './idb-transaction';
import {
  assertKnownSchemaVersion,
  currentSchemaVersion,
  migrateEntries,
  type StoredEntry,
} from './migrations';
import type {
  CorruptRecord,
  MergeResult,
  ProgressRepository,
  ProgressSnapshot,
  SchedulerForSettings,
} from './progress-repository';
import {
  type Parsed,
  parseCardState,
  parseDayRecord,
  parseProgressEvent,
  parseSchemaVersion,
  parseSettings,
  parseTotals,
  requireEvents,
} from './record-validation';
import {
  cardEventsRange,
  corruptKey,
  dayRecordKey,
  eventKey,
  keyPart,
  kindRange,
  schemaVersionKey,
  settingsKey,
  stateKey,
  totalsKey,
} from './store-keys';

export const progressStoreName = 'progress';

export interface IdbProgressRepositoryOptions {
  /** An idb-keyval store; see `createIdbProgressRepository`. */
  readonly store: UseStore;
  readonly schedulerFor: SchedulerForSettings;
}

interface Valid<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

/** Where corrupt records found during one transaction are reported. */
type CorruptList = CorruptRecord[];

const keyText = (key: IDBValidKey) => JSON.stringify(key);

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
  private readonly schedulerFor: SchedulerForSettings;
  private opening: Promise<void> | undefined;

  constructor(options: IdbProgressRepositoryOptions) {
    this.store = options.store;
    this.schedulerFor = options.schedulerFor;
  }

  /** Opens the database and migrates it; done once, retried after a failure. */
  open(): Promise<void> {
    this.opening ??= this.migrate().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  async load(): Promise<ProgressSnapshot> {
    await this.open();
    return runTransaction<ProgressSnapshot>(
      this.store,
      'readwrite',
      'Loading progress',
      (scope) => {
        const { store } = scope;
        const corrupt: CorruptList = [];
        const earlierCorrupt = store.getAll(kindRange('corrupt'));
        const totals = store.get(totalsKey);
        this.readSettings(scope, corrupt, (settings) => {
          this.readValid(scope, kindRange('state'), parseStateAt, corrupt, (states, brokenKeys) => {
            this.readValid(scope, kindRange('day'), parseDayAt, corrupt, (days) => {
              scope.afterAll([earlierCorrupt, totals], () => {
                const reviewsByDay = new Map(
                  days.map(({ value }) => [value.dayKey, value.reviewCount]),
                );
                const parsedTotals = this.validOrSetAside(
                  scope,
                  totalsKey,
                  totals.result,
                  parseTotals,
                  corrupt,
                );
                const totalReviews =
                  parsedTotals?.reviewCount ??
                  [...reviewsByDay.values()].reduce((a, b) => a + b, 0);
                const rebuild = brokenKeys.flatMap((key) => keyPart(key, 1) ?? []) as CardId[];
                this.replayCards(scope, rebuild, settings, corrupt, (rebuilt) => {
                  const stateMap = new Map(states.map(({ value }) => [value.cardId, value]));
                  for (const [id, state] of rebuilt) stateMap.set(id, state);
                  scope.finish({
                    states: stateMap,
                    reviewsByDay,
                    totalReviews,
                    settings,
                    corrupt: [...earlierCorrupt.result.map(describeCorrupt), ...corrupt],
                  });
                });
              });
            });
          });
        });
      },
    );
  }

  async statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    await this.open();
    return runTransaction(this.store, 'readwrite', 'Reading card states', (scope) => {
      const corrupt: CorruptList = [];
      const requests = cardIds.map((id) => scope.store.get(stateKey(id)));
      this.readSettings(scope, corrupt, (settings) => {
        scope.afterAll(requests, () => {
          const found = new Map<CardId, CardState>();
          const rebuild: CardId[] = [];
          cardIds.forEach((id, index) => {
            const value: unknown = requests[index]?.result;
            if (value === undefined) return;
            const state = this.validOrSetAside(
              scope,
              stateKey(id),
              value,
              (v) => parseCardState(v, id),
              corrupt,
            );
            if (state) found.set(id, state);
            else rebuild.push(id);
          });
          this.replayCards(scope, rebuild, settings, corrupt, (rebuilt) => {
            for (const [id, state] of rebuilt) found.set(id, state);
            scope.finish(found);
          });
        });
      });
    });
  }

  async commitReview(event: ReviewEvent): Promise<CardState> {
    const action = `Saving review ${event.id} of card ${event.cardId}`;
    const [commit] = await this.commitEvents(action, requireEvents([event], action));
    if (!commit?.state) throw new Error(`${action} failed: an undo already cancels it`);
    return commit.state;
  }

  async commitUndo(event: UndoEvent): Promise<CardState | undefined> {
    const action = `Undoing review ${event.cancelsEventId} of card ${event.cardId}`;
    const [commit] = await this.commitEvents(action, requireEvents([event], action), true);
    return commit?.state;
  }

  async eventsForCard(cardId: CardId): Promise<ProgressEvent[]> {
    await this.open();
    return runTransaction(
      this.store,
      'readwrite',
      `Reading the events of card ${cardId}`,
      (scope) => {
        this.readCardLogs(scope, [cardId], [], (logs) => {
          scope.finish([...(logs.get(cardId) ?? [])].sort(compareEventsByTime));
        });
      },
    );
  }

  async allEvents(): Promise<ProgressEvent[]> {
    await this.open();
    return runTransaction(this.store, 'readwrite', 'Reading all events', (scope) => {
      this.readValid(scope, kindRange('event'), parseEventAt, [], (events) => {
        scope.finish(events.map(({ value }) => value).sort(compareEventsByTime));
      });
    });
  }

  async mergeEvents(events: readonly unknown[]): Promise<MergeResult> {
    const action = 'Merging events';
    const commits = await this.commitEvents(action, requireEvents(events, action));
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
    const parsed = parseSettings(settings);
    if (!parsed.ok) throw new RangeError(`Saving settings failed: ${parsed.reason}`);
    await this.open();
    await runTransaction<void>(this.store, 'readwrite', 'Saving settings', (scope) => {
      scope.store.put(parsed.value, settingsKey);
      scope.finish(undefined);
    });
  }

  /**
   * The one write path for events: in a single transaction, read the cards' logs, add the new
   * events, replay each card, store the states, move the day counts and the total.
   */
  private async commitEvents(
    action: string,
    incoming: readonly ProgressEvent[],
    isUndo = false,
  ): Promise<CardCommit[]> {
    await this.open();
    const groups = groupByCard(incoming);
    return runTransaction(this.store, 'readwrite', action, (scope) => {
      const { store } = scope;
      const corrupt: CorruptList = [];
      this.readSettings(scope, corrupt, (settings) => {
        this.readCardLogs(scope, [...groups.keys()], corrupt, (logs) => {
          const scheduler = this.schedulerFor(settings);
          const commits = [...groups].map(([id, events]) => {
            const stored = logs.get(id) ?? [];
            if (isUndo) for (const event of events) checkUndoTarget(stored, event);
            return planCardCommit(id, stored, events, scheduler, settings.dayStartHour);
          });
          const dayDeltas = new Map<string, number>();
          for (const commit of commits) addDayDeltas(dayDeltas, commit.reviewDeltaByDay);
          const days = [...dayDeltas].filter(([, delta]) => delta !== 0);
          const dayRequests = days.map(([day]) => store.get(dayRecordKey(day)));
          const totals = store.get(totalsKey);

          scope.afterAll([...dayRequests, totals], () => {
            for (const commit of commits) {
              if (commit.addedEvents.length === 0) continue;
              for (const event of commit.addedEvents) store.put(event, eventKey(event));
              if (commit.state) store.put(commit.state, stateKey(commit.cardId));
              else store.delete(stateKey(commit.cardId));
            }
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
            scope.finish(commits);
          });
        });
      });
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

  /** Reads a range; valid records go to `next`, the others are set aside (their keys passed on too). */
  private readValid<T, V>(
    scope: TransactionScope<T>,
    range: IDBKeyRange,
    parse: (value: unknown, key: IDBValidKey) => Parsed<V>,
    corrupt: CorruptList,
    next: (valid: Valid<V>[], brokenKeys: IDBValidKey[]) => void,
  ): void {
    const values = scope.store.getAll(range);
    const keys = scope.store.getAllKeys(range);
    scope.afterAll([values, keys], () => {
      const valid: Valid<V>[] = [];
      const brokenKeys: IDBValidKey[] = [];
      keys.result.forEach((key, index) => {
        const value: unknown = values.result[index];
        const parsed = parse(value, key);
        if (parsed.ok) valid.push({ key, value: parsed.value });
        else {
          this.setAside(scope, key, value, parsed.reason, corrupt);
          brokenKeys.push(key);
        }
      });
      next(valid, brokenKeys);
    });
  }

  /** Each card's valid events, keyed by card. */
  private readCardLogs<T>(
    scope: TransactionScope<T>,
    cardIds: readonly CardId[],
    corrupt: CorruptList,
    next: (logs: Map<CardId, ProgressEvent[]>) => void,
  ): void {
    const logs = new Map<CardId, ProgressEvent[]>();
    let pending = cardIds.length;
    if (pending === 0) {
      next(logs);
      return;
    }
    for (const id of cardIds) {
      this.readValid(scope, cardEventsRange(id), parseEventAt, corrupt, (events) => {
        logs.set(
          id,
          events.map(({ value }) => value),
        );
        pending -= 1;
        if (pending === 0) next(logs);
      });
    }
  }

  /** Rebuilds cards' states from their logs and stores them. */
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
    const scheduler = this.schedulerFor(settings);
    this.readCardLogs(scope, cardIds, corrupt, (logs) => {
      const states = new Map<CardId, CardState>();
      for (const [id, log] of logs) {
        const state = scheduler.replay(id, log);
        if (!state) continue;
        scope.store.put(state, stateKey(id));
        states.set(id, state);
      }
      next(states);
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

  private setAside<T>(
    scope: TransactionScope<T>,
    key: IDBValidKey,
    value: unknown,
    reason: string,
    corrupt: CorruptList,
  ): void {
    scope.store.put({ key, value, reason }, corruptKey(key));
    scope.store.delete(key);
    corrupt.push({ key: keyText(key), reason });
  }

  private migrate(): Promise<void> {
    return runTransaction<void>(this.store, 'readwrite', 'Opening progress storage', (scope) => {
      const { store } = scope;
      const stored = store.get(schemaVersionKey);
      // One key tells an empty store from one written by version 1; count() would walk every
      // record on each start-up, over a second with a million reviews.
      const firstKey = store.getAllKeys(null, 1);
      scope.afterAll([stored, firstKey], () => {
        if (stored.result === undefined && firstKey.result.length === 0) {
          store.put(currentSchemaVersion, schemaVersionKey);
          scope.finish(undefined);
          return;
        }
        // Records without a version can only come from version 1 builds that never wrote one.
        const parsed =
          stored.result === undefined
            ? { ok: true as const, value: 1 }
            : parseSchemaVersion(stored.result);
        if (!parsed.ok) throw new Error(parsed.reason);
        if (parsed.value === currentSchemaVersion) {
          scope.finish(undefined);
          return;
        }
        assertKnownSchemaVersion(parsed.value);
        const values = store.getAll();
        const keys = store.getAllKeys();
        scope.afterAll([values, keys], () => {
          const entries: StoredEntry[] = keys.result
            .map((key, index) => ({ key, value: values.result[index] as unknown }))
            .filter(({ key }) => keyText(key) !== keyText(schemaVersionKey));
          const migrated = migrateEntries(entries, parsed.value, {
            schedulerFor: this.schedulerFor,
          });
          store.clear();
          for (const { key, value } of migrated) store.put(value, key);
          store.put(currentSchemaVersion, schemaVersionKey);
          scope.finish(undefined);
        });
      });
    });
  }
}

function parseStateAt(value: unknown, key: IDBValidKey): Parsed<CardState> {
  const id = keyPart(key, 1);
  return id === undefined
    ? { ok: false, reason: 'the key names no card' }
    : parseCardState(value, id);
}

function parseDayAt(value: unknown, key: IDBValidKey) {
  const day = keyPart(key, 1);
  return day === undefined
    ? { ok: false as const, reason: 'the key names no day' }
    : parseDayRecord(value, day);
}

function parseEventAt(value: unknown, key: IDBValidKey): Parsed<ProgressEvent> {
  const id = keyPart(key, 1);
  const parsed =
    id === undefined
      ? ({ ok: false, reason: 'the key names no card' } as const)
      : parseProgressEvent(value, id);
  if (parsed.ok && keyPart(key, 2) !== parsed.value.id) {
    return { ok: false, reason: `id ${parsed.value.id} does not match its key` };
  }
  return parsed;
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
