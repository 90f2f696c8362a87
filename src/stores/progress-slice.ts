import type { StateCreator } from 'zustand/vanilla';
import type { CardId } from '../domain/ids';
import type { CardState, ProgressEvent, ReviewEvent, UndoEvent } from '../domain/progress';
import type { OpenedProgressRepository } from '../storage/open-progress-repository';
import { announcingCommits, type ProgressChannel } from '../storage/progress-channel';
import type { CorruptRecord, ProgressRepository } from '../storage/progress-repository';
import { applyDayChanges } from './apply-day-changes';
import type { SettingsSlice } from './settings-slice';

export type PersistenceGrant = 'unknown' | 'granted' | 'denied' | 'unsupported';

/** The browser's promise not to evict stored data (`navigator.storage`); absent in some browsers. */
type StoragePersistence = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

export interface ProgressDependencies {
  /** IndexedDB, or memory where the browser refuses it. */
  readonly openProgressRepository: () => Promise<OpenedProgressRepository>;
  /** How commits reach other tabs, and theirs reach this one. */
  readonly openProgressChannel: () => ProgressChannel;
  readonly storagePersistence: StoragePersistence | undefined;
}

export interface ProgressSlice {
  readonly ready: boolean;
  /** False when progress lives only in memory: the app says it will not be saved. */
  readonly persistent: boolean;
  readonly storageProblem?: string;
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly reviewsByDay: ReadonlyMap<string, number>;
  readonly totalReviews: number;
  readonly corrupt: readonly CorruptRecord[];
  /** Whether the browser promised not to evict the database (asked at the first review). */
  readonly persistenceGrant: PersistenceGrant;
  /**
   * The cards another tab's latest commit changed, set once their states here are fresh: a new
   * object each time, so that a session showing one of them can hand it over.
   */
  readonly changedElsewhere: { readonly cardIds: readonly CardId[] } | undefined;
  /** Opens storage once; later calls wait for the same opening. */
  init(): Promise<void>;
  /** The opened repository, for the other slices; throws before `init` has finished. */
  requireRepository(): ProgressRepository;
  /** Rejects when the write failed: the caller keeps the review on screen to retry. */
  commitReview(event: ReviewEvent): Promise<CardState>;
  commitUndo(event: UndoEvent): Promise<CardState | undefined>;
  /** The whole log: for statistics of a log kept in memory, and backups; never at start-up. */
  allEvents(): Promise<ProgressEvent[]>;
  eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]>;
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
  return (set, get) => {
    let repository: ProgressRepository | undefined;
    let opening: Promise<void> | undefined;
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

    async function open() {
      const opened = await deps.openProgressRepository();
      const channel = deps.openProgressChannel();
      repository = announcingCommits(opened.repository, channel);
      // Listening starts before the snapshot is read, so that no other tab's commit during the
      // read is missed; each is applied once the snapshot is in place, by reading those cards again.
      let snapshotShown: () => void = () => {};
      const shown = new Promise<void>((resolve) => {
        snapshotShown = resolve;
      });
      channel.subscribe(async (cardIds) => {
        await shown;
        const storage = requireRepository();
        const [fresh, counts] = await Promise.all([
          storage.statesFor(cardIds),
          storage.loadDailyCounts(),
        ]);
        set((current) => {
          const states = new Map(current.states);
          for (const id of cardIds) {
            const state = fresh.get(id);
            if (state) states.set(id, state);
            else states.delete(id);
          }
          return { states, ...counts, changedElsewhere: { cardIds } };
        });
      });
      const [snapshot, persistenceGrant] = await Promise.all([
        repository.load(),
        opened.persistent ? currentPersistenceGrant() : ('unsupported' as const),
      ]);
      set({
        ready: true,
        persistent: opened.persistent,
        ...(opened.reason === undefined ? {} : { storageProblem: opened.reason }),
        states: snapshot.states,
        reviewsByDay: snapshot.reviewsByDay,
        totalReviews: snapshot.totalReviews,
        settings: snapshot.settings,
        corrupt: snapshot.corrupt,
        persistenceGrant,
      });
      snapshotShown();
    }

    return {
      ready: false,
      persistent: true,
      states: new Map(),
      reviewsByDay: new Map(),
      totalReviews: 0,
      corrupt: [],
      persistenceGrant: 'unknown',
      changedElsewhere: undefined,
      init() {
        opening ??= open();
        return opening;
      },
      requireRepository,
      async commitReview(event) {
        const { state, reviewDeltaByDay } = await requireRepository().commitReview(event);
        set((current) => ({
          states: withState(current.states, event.cardId, state),
          ...applyDayChanges(current, reviewDeltaByDay),
        }));
        void askForPersistenceOnce();
        return state;
      },
      async commitUndo(event) {
        const { state, reviewDeltaByDay } = await requireRepository().commitUndo(event);
        set((current) => ({
          states: withState(current.states, event.cardId, state),
          ...applyDayChanges(current, reviewDeltaByDay),
        }));
        return state;
      },
      allEvents: () => requireRepository().allEvents(),
      eventsForCards: (cardIds) => requireRepository().eventsForCards(cardIds),
    };
  };
}
