import type { StateCreator } from 'zustand/vanilla';
import type { CardAction, CardControls, TopicNote } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import type { CardState, ProgressEvent, ReviewEvent, UndoEvent } from '../domain/progress';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import { followedStamp } from '../storage/change-stamp';
import type { OpenedProgressRepository } from '../storage/open-progress-repository';
import { announcingCommits, type ProgressChannel } from '../storage/progress-channel';
import type {
  CardExtras,
  CommittedActions,
  CorruptRecord,
  ProgressRepository,
  ProgressSnapshot,
  StartupDayCounts,
  StartupDayTallies,
} from '../storage/progress-repository';
import type { StartupListeners } from '../storage/startup-read';
import type { AppStore } from './app-store';
import { applyDayChanges } from './apply-day-changes';
import type { SettingsSlice } from './settings-slice';
import { withSync } from './sync-loader';

export type PersistenceGrant = 'unknown' | 'granted' | 'denied' | 'unsupported';

/** The browser's promise not to evict stored data (`navigator.storage`); absent in some browsers. */
type StoragePersistence = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

export interface ProgressDependencies {
  /**
   * IndexedDB, or memory where the browser refuses it; what start-up can show before the states
   * load goes to `listeners` as soon as it is read.
   */
  readonly openProgressRepository: (
    listeners?: StartupListeners,
  ) => Promise<OpenedProgressRepository>;
  /**
   * Keep the deck counts for the next start this long after the states last change; absent, they
   * are not kept.
   */
  readonly keepDeckCountsAfterMillis?: number;
  /** How commits reach other tabs, and theirs reach this one. */
  readonly openProgressChannel: () => ProgressChannel;
  /**
   * True when this browser has never stored progress, so the first screen need not wait for the
   * store to be created; absent or false, start-up waits for the stored snapshot.
   */
  readonly progressStoreMissing?: () => Promise<boolean>;
  readonly storagePersistence: StoragePersistence | undefined;
  /** When actions are made, in epoch ms. */
  readonly clock: () => number;
  /** A fresh unique event id (a random UUID in the app). */
  readonly newEventId: () => string;
}

export interface ProgressSlice {
  /**
   * The snapshot is loaded: states, counts and settings are the stored ones, or the empty ones of a
   * browser that never stored progress (shown before its store is created).
   */
  readonly ready: boolean;
  /**
   * The repository is open (`requireRepository` answers), before the snapshot is loaded: for
   * figures read from storage directly, such as true retention.
   */
  readonly storageOpen: boolean;
  /** False when progress lives only in memory: the app says it will not be saved. */
  readonly persistent: boolean;
  readonly storageProblem?: string;
  readonly states: ReadonlyMap<CardId, CardState>;
  /** Only cards the learner set something on (suspended, buried, flagged, leech). */
  readonly controls: ReadonlyMap<CardId, CardControls>;
  readonly notes: ReadonlyMap<TopicId, TopicNote>;
  readonly reviewsByDay: ReadonlyMap<string, number>;
  readonly totalReviews: number;
  readonly corrupt: readonly CorruptRecord[];
  /**
   * The store's change stamp that the states, controls and settings here are those of; undefined
   * when not known (in memory, or after another tab's commit). See `change-stamp.ts`.
   */
  readonly changeStamp: string | undefined;
  /** The deck counts kept for this start: what the home page shows until the states have loaded. */
  readonly recordedDeckCounts: DeckCountsRecord | undefined;
  /** The days' true-retention tallies as start-up read them; see `use-true-retention.ts`. */
  readonly startupDayTallies: StartupDayTallies | undefined;
  /**
   * The review counts as start-up read them, before the states: the statistics page draws its
   * review figures from them until `ready`.
   */
  readonly startupDayCounts: StartupDayCounts | undefined;
  /** Whether the browser promised not to evict the database (asked at the first review). */
  readonly persistenceGrant: PersistenceGrant;
  /**
   * The cards another tab's latest commit changed, set once their states here are fresh: a new
   * object each time, so that a session showing one of them can hand it over.
   */
  readonly changedElsewhere: { readonly cardIds: readonly CardId[] } | undefined;
  /** Opens storage once; later calls wait for the same opening. */
  init(): Promise<void>;
  /**
   * Opens storage as `init` does, and resolves once the opening knows where the first snapshot
   * comes from: the empty one of a browser that never stored progress (then `ready` is true), or
   * storage, still to be read (`ready` stays false until it is).
   */
  snapshotSourceKnown(): Promise<void>;
  /** The opened repository, for the other slices; throws before storage has opened. */
  requireRepository(): ProgressRepository;
  /** The repository once storage has opened (opening it if need be): writes wait for this. */
  openedRepository(): Promise<ProgressRepository>;
  /** Rejects when the write failed: the caller keeps the review on screen to retry. */
  commitReview(event: ReviewEvent): Promise<CardState>;
  /** Undoes a review or an action; resolves to the card's state without it. */
  commitUndo(event: UndoEvent): Promise<CardState | undefined>;
  /**
   * Applies one action to every card given, in one transaction, and returns its events (an undo
   * takes one back). Rejects, changing nothing, when the write failed.
   */
  applyCardAction(action: CardAction, cardIds: readonly CardId[]): Promise<AppliedAction>;
  /** Saves the topic's note (an empty text clears it). */
  saveNote(topicId: TopicId, text: string): Promise<void>;
  /** The whole log: for statistics of a log kept in memory, and backups; never at start-up. */
  allEvents(): Promise<ProgressEvent[]>;
  eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]>;
}

/** An action as committed: its events, one per card. */
interface AppliedAction {
  readonly eventIds: ReadonlyMap<CardId, string>;
}

/** The maps with what a commit of actions left on its cards and notes. */
function withActions(
  current: Pick<ProgressSlice, 'states' | 'controls' | 'notes' | 'changeStamp'>,
  committed: CommittedActions,
): Pick<ProgressSlice, 'states' | 'controls' | 'notes' | 'changeStamp'> {
  const states = new Map(current.states);
  for (const [id, state] of committed.states) {
    if (state) states.set(id, state);
    else states.delete(id);
  }
  const controls = withControls(current.controls, committed.controls);
  const notes = new Map(current.notes);
  for (const [topic, note] of committed.notes) notes.set(topic, note);
  return {
    states,
    controls,
    notes,
    changeStamp: followedStamp(current.changeStamp, committed.changeStamps),
  };
}

function withControls(
  controls: ReadonlyMap<CardId, CardControls>,
  changes: ReadonlyMap<CardId, CardControls | undefined>,
): Map<CardId, CardControls> {
  const next = new Map(controls);
  for (const [id, value] of changes) {
    if (value) next.set(id, value);
    else next.delete(id);
  }
  return next;
}

/** Another tab's commit: its cards' stored controls, and its note logs' notes. */
function withExtrasOf(
  current: Pick<ProgressSlice, 'controls' | 'notes'>,
  cardIds: readonly CardId[],
  fresh: CardExtras,
): Pick<ProgressSlice, 'controls' | 'notes'> {
  const changes = new Map<CardId, CardControls | undefined>();
  for (const id of cardIds) changes.set(id, fresh.controls.get(id));
  const notes = new Map(current.notes);
  for (const [topic, note] of fresh.notes) notes.set(topic, note);
  return { controls: withControls(current.controls, changes), notes };
}

function withState(
  states: ReadonlyMap<CardId, CardState>,
  cardId: CardId,
  state: CardState | undefined,
): Map<CardId, CardState> {
  const next = new Map(states);
  if (state) next.set(cardId, state);
  else next.delete(cardId);
  return next;
}

export function createProgressSlice(
  deps: ProgressDependencies,
): StateCreator<ProgressSlice & SettingsSlice, [], [], ProgressSlice> {
  return (set, get, store) => {
    let repository: ProgressRepository | undefined;
    /** The opening once started: when it is done, and when it knew the first snapshot's source. */
    let opening: { readonly done: Promise<void>; readonly sourceKnown: Promise<void> } | undefined;
    let askedForPersistence = false;
    const persistence = deps.storagePersistence;

    function requireRepository(): ProgressRepository {
      if (!repository) throw new Error('Progress storage is not open yet');
      return repository;
    }

    async function currentPersistenceGrant(): Promise<PersistenceGrant> {
      if (!persistence?.persisted) return 'unsupported';
      return (await persistence.persisted()) ? 'granted' : 'unknown';
    }

    async function askForPersistenceOnce() {
      if (askedForPersistence || !get().persistent) return;
      askedForPersistence = true;
      if (!persistence?.persist) {
        set({ persistenceGrant: 'unsupported' });
        return;
      }
      const granted = await persistence.persist().catch(() => false);
      set({ persistenceGrant: granted ? 'granted' : 'denied' });
    }

    /** The parts of a loaded snapshot the slice shows. */
    function snapshotShown(snapshot: ProgressSnapshot) {
      return {
        states: snapshot.states,
        controls: snapshot.controls,
        notes: snapshot.notes,
        reviewsByDay: snapshot.reviewsByDay,
        totalReviews: snapshot.totalReviews,
        settings: snapshot.settings,
        corrupt: snapshot.corrupt,
        changeStamp: snapshot.changeStamp,
      };
    }

    /** What opening set up, once there is a repository: the storage flags the pages show. */
    function storageFlags(opened: OpenedProgressRepository) {
      return {
        storageOpen: true,
        persistent: opened.persistent,
        ...(opened.reason === undefined ? {} : { storageProblem: opened.reason }),
      };
    }

    async function open(snapshotIsShown: Promise<void>): Promise<ProgressRepository> {
      // Listening starts before opening, which may read the snapshot, so that no other tab's
      // commit during the read is missed; each is applied once the snapshot is in place, by
      // reading those cards again.
      const channel = deps.openProgressChannel();
      channel.subscribe(async (cardIds) => {
        await snapshotIsShown;
        const storage = requireRepository();
        const [fresh, counts, extras] = await Promise.all([
          storage.statesFor(cardIds),
          storage.loadDailyCounts(),
          storage.extrasFor(cardIds),
        ]);
        set((current) => {
          const states = new Map(current.states);
          for (const id of cardIds) {
            const state = fresh.get(id);
            if (state) states.set(id, state);
            else states.delete(id);
          }
          return {
            states,
            ...withExtrasOf(current, cardIds, extras),
            ...counts,
            changedElsewhere: { cardIds },
            // These states come from reads after another tab's commit, not from one snapshot.
            changeStamp: undefined,
          };
        });
      });
      const opened = await deps.openProgressRepository({
        onDeckCounts: (record) => {
          if (!get().ready) set({ recordedDeckCounts: record });
        },
        onDayTallies: (tallies) => set({ startupDayTallies: tallies }),
        onDayCounts: (counts) => set({ startupDayCounts: counts }),
      });
      repository = announcingCommits(opened.repository, channel);
      set(storageFlags(opened));
      return repository;
    }

    async function persistenceGrantOf(opened: { readonly persistent: boolean }) {
      return opened.persistent ? currentPersistenceGrant() : ('unsupported' as const);
    }

    /** Opens storage, reads the snapshot and shows it. */
    async function openAndShow(snapshotIsShown: Promise<void>): Promise<void> {
      const storage = await open(snapshotIsShown);
      const [snapshot, persistenceGrant] = await Promise.all([
        storage.load(),
        persistenceGrantOf(get()),
      ]);
      set({ ready: true, ...snapshotShown(snapshot), persistenceGrant });
      startKeepingDeckCounts();
    }

    /**
     * The deck counts are counted and kept a while after each change, by code of their own,
     * fetched a while after start-up, not while a first card is on its way.
     */
    function startKeepingDeckCounts() {
      const delayMillis = deps.keepDeckCountsAfterMillis;
      if (delayMillis === undefined || !get().persistent) return;
      setTimeout(async () => {
        const { keepDeckCounts } = await import('./deck-counts-keeper');
        keepDeckCounts(store as AppStore, { delayMillis, clock: deps.clock });
      }, delayMillis);
    }

    /**
     * A browser that never stored progress shows its first screen from an empty snapshot at once,
     * rather than after creating the database, which takes a few hundred milliseconds on a new
     * profile. Commits wait for the opening. Another tab may create the store meanwhile: what it
     * holds once open is shown, and its later commits reach this tab through the channel.
     */
    async function showEmptyThenOpen(snapshotIsShown: Promise<void>): Promise<void> {
      set({ ready: true });
      const storage = await open(snapshotIsShown);
      const [snapshot, persistenceGrant] = await Promise.all([
        storage.load(),
        persistenceGrantOf(get()),
      ]);
      const changedCards = [...new Set([...snapshot.states.keys(), ...snapshot.controls.keys()])];
      const written =
        changedCards.length > 0 ||
        snapshot.notes.size > 0 ||
        snapshot.totalReviews > 0 ||
        snapshot.corrupt.length > 0 ||
        snapshot.settings.changedAtMillis !== get().settings.changedAtMillis;
      set({
        persistenceGrant,
        changeStamp: snapshot.changeStamp,
        ...(written
          ? { ...snapshotShown(snapshot), changedElsewhere: { cardIds: changedCards } }
          : {}),
      });
      startKeepingDeckCounts();
    }

    async function openOnce(sourceChosen: () => void): Promise<void> {
      let shown: () => void = () => {};
      const snapshotIsShown = new Promise<void>((resolve) => {
        shown = resolve;
      });
      const missing = await deps.progressStoreMissing?.().catch(() => false);
      const firstSnapshotShown = missing
        ? showEmptyThenOpen(snapshotIsShown)
        : openAndShow(snapshotIsShown);
      sourceChosen();
      await firstSnapshotShown;
      shown();
    }

    /** The repository once open: commits made while it opens wait here. */
    async function openedRepository(): Promise<ProgressRepository> {
      await init();
      return requireRepository();
    }

    function startOpening() {
      if (!opening) {
        let known: () => void = () => {};
        const sourceKnown = new Promise<void>((resolve) => {
          known = resolve;
        });
        opening = { done: openOnce(known).finally(known), sourceKnown };
      }
      return opening;
    }

    function init(): Promise<void> {
      return startOpening().done;
    }

    return {
      ready: false,
      storageOpen: false,
      persistent: true,
      states: new Map(),
      controls: new Map(),
      notes: new Map(),
      reviewsByDay: new Map(),
      totalReviews: 0,
      corrupt: [],
      changeStamp: undefined,
      recordedDeckCounts: undefined,
      startupDayTallies: undefined,
      startupDayCounts: undefined,
      persistenceGrant: 'unknown',
      changedElsewhere: undefined,
      init,
      snapshotSourceKnown: () => startOpening().sourceKnown,
      requireRepository,
      openedRepository,
      async commitReview(event) {
        const { state, controls, reviewDeltaByDay, changeStamps } = await (
          await openedRepository()
        ).commitReview(event);
        set((current) => ({
          states: withState(current.states, event.cardId, state),
          controls: withControls(current.controls, new Map([[event.cardId, controls]])),
          ...applyDayChanges(current, reviewDeltaByDay),
          changeStamp: followedStamp(current.changeStamp, changeStamps),
        }));
        await withSync(store as AppStore, (sync) => sync.recordCommitted([event]));
        void askForPersistenceOnce();
        return state;
      },
      async commitUndo(event) {
        const { state, controls, reviewDeltaByDay, changeStamps } = await (
          await openedRepository()
        ).commitUndo(event);
        set((current) => ({
          states: withState(current.states, event.cardId, state),
          controls: withControls(current.controls, new Map([[event.cardId, controls]])),
          ...applyDayChanges(current, reviewDeltaByDay),
          changeStamp: followedStamp(current.changeStamp, changeStamps),
        }));
        await withSync(store as AppStore, (sync) => sync.recordCommitted([event]));
        return state;
      },
      async applyCardAction(action, cardIds) {
        const { cardActionEvents } = await import('../scheduler/card-action-events');
        const stamps = { nowMillis: deps.clock(), newEventId: deps.newEventId };
        const events = cardActionEvents(action, cardIds, get().settings.dayStartHour, stamps);
        const committed = await (await openedRepository()).commitActions(events);
        set((current) => withActions(current, committed));
        await withSync(store as AppStore, (sync) => sync.recordCommitted(events));
        void askForPersistenceOnce();
        return { eventIds: new Map(events.map((event) => [event.cardId, event.id])) };
      },
      async saveNote(topicId, text) {
        const { noteEvent } = await import('../scheduler/card-action-events');
        const stamps = { nowMillis: deps.clock(), newEventId: deps.newEventId };
        const event = noteEvent(topicId, text, stamps);
        const committed = await (await openedRepository()).commitActions([event]);
        set((current) => withActions(current, committed));
        await withSync(store as AppStore, (sync) => sync.recordCommitted([event]));
      },
      allEvents: async () => (await openedRepository()).allEvents(),
      eventsForCards: async (cardIds) => (await openedRepository()).eventsForCards(cardIds),
    };
  };
}
