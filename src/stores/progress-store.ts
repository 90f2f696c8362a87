import { create } from 'zustand';
import { readLastExportMillis, writeLastExportMillis } from '../backup/last-export-record';
import type { CardId } from '../domain/ids';
import {
  type CardState,
  defaultSettings,
  type ProgressEvent,
  type ReviewEvent,
  type Settings,
  type UndoEvent,
} from '../domain/progress';
import { lazySeenContentHashes } from '../storage/lazy-seen-content-hashes';
import { openProgressRepository } from '../storage/open-progress-repository';
import { announcingCommits, openProgressChannel } from '../storage/progress-channel';
import type {
  CorruptRecord,
  MergeResult,
  ProgressRepository,
  RepairReport,
} from '../storage/progress-repository';
import type { SeenContentHashes } from '../storage/seen-content-hashes';
import { applyDayChanges } from './apply-day-changes';

export type PersistenceGrant = 'unknown' | 'granted' | 'denied' | 'unsupported';

interface ProgressState {
  readonly ready: boolean;
  /** False when progress lives only in memory: the app says it will not be saved. */
  readonly persistent: boolean;
  readonly storageProblem?: string;
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly reviewsByDay: ReadonlyMap<string, number>;
  readonly totalReviews: number;
  readonly settings: Settings;
  readonly corrupt: readonly CorruptRecord[];
  /** Whether the browser promised not to evict the database (asked at the first review). */
  readonly persistenceGrant: PersistenceGrant;
  /** Each card's content hash at its last review, to mark cards a deck edit changed. */
  readonly seenContentHashes: ReadonlyMap<CardId, string>;
  /**
   * The cards another tab's latest commit changed, set once their states here are fresh: a new
   * object each time, so that a session showing one of them can hand it over.
   */
  readonly changedElsewhere: { readonly cardIds: readonly CardId[] } | undefined;
  /** Opens storage once; later calls wait for the same opening. */
  init(): Promise<void>;
  /** Rejects when the write failed: the caller keeps the review on screen to retry. */
  commitReview(event: ReviewEvent): Promise<CardState>;
  commitUndo(event: UndoEvent): Promise<CardState | undefined>;
  saveSettings(settings: Settings): Promise<void>;
  /** The whole log: for statistics of a log kept in memory, and backups; never at start-up. */
  allEvents(): Promise<ProgressEvent[]>;
  /**
   * Reads the seen content hashes once, for the pages that mark changed cards (the deck page, the
   * study session); the others never read them. A card remembered meanwhile keeps its newer hash.
   */
  loadSeenContent(): Promise<void>;
  /** Records the text a card had when it was answered; a failure here loses no progress. */
  rememberSeenContent(cardId: CardId, contentHash: string): void;
  eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]>;

  // Backups (src/backup): the import and the reminder to export.
  /** When this browser last exported a backup; undefined when it never did. */
  readonly lastBackupExportMillis: number | undefined;
  recordBackupExport(exportedAtMillis: number): void;
  /**
   * Saves the settings and merges the events in one transaction (both or neither), then reloads
   * states, day counts, the total and the settings.
   */
  importProgress(settings: Settings, events: readonly ProgressEvent[]): Promise<MergeResult>;
  /** Rebuilds every derived record from the log, then shows what is stored. */
  checkAndRepair(): Promise<RepairReport>;
}

let repository: ProgressRepository | undefined;
let seenContent: SeenContentHashes = lazySeenContentHashes(false);
let opening: Promise<void> | undefined;
let askedForPersistence = false;
let seenContentLoading: Promise<void> | undefined;

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

async function currentPersistenceGrant(): Promise<PersistenceGrant> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'granted' : 'unknown';
}

export const useProgress = create<ProgressState>()((set, get) => {
  function requireRepository(): ProgressRepository {
    if (!repository) throw new Error('Progress storage is not open yet');
    return repository;
  }

  async function askForPersistenceOnce() {
    if (askedForPersistence || !get().persistent) return;
    askedForPersistence = true;
    if (!navigator.storage?.persist) {
      set({ persistenceGrant: 'unsupported' });
      return;
    }
    const granted = await navigator.storage.persist().catch(() => false);
    set({ persistenceGrant: granted ? 'granted' : 'denied' });
  }

  async function open() {
    const opened = await openProgressRepository();
    const channel = openProgressChannel();
    repository = announcingCommits(opened.repository, channel);
    if (opened.persistent) seenContent = lazySeenContentHashes(true);
    // Listening starts before the snapshot is read, so that no other tab's commit during the read
    // is missed; each is applied once the snapshot is in place, by reading those cards again.
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
    settings: defaultSettings,
    corrupt: [],
    persistenceGrant: 'unknown',
    seenContentHashes: new Map(),
    changedElsewhere: undefined,
    init() {
      opening ??= open();
      return opening;
    },
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
    loadSeenContent() {
      seenContentLoading ??= get()
        .init()
        .then(() => seenContent.load())
        .catch(() => new Map<CardId, string>())
        .then((loaded) => {
          set((current) => ({
            seenContentHashes: new Map([...loaded, ...current.seenContentHashes]),
          }));
        });
      return seenContentLoading;
    },
    rememberSeenContent(cardId, contentHash) {
      if (get().seenContentHashes.get(cardId) === contentHash) return;
      set((current) => ({
        seenContentHashes: new Map(current.seenContentHashes).set(cardId, contentHash),
      }));
      seenContent.remember(cardId, contentHash).catch(() => {
        // Only the "changed" mark depends on it; the review itself is already stored.
      });
    },
    lastBackupExportMillis: readLastExportMillis(),
    recordBackupExport(exportedAtMillis) {
      writeLastExportMillis(exportedAtMillis);
      set({ lastBackupExportMillis: exportedAtMillis });
    },
    async importProgress(settings, events) {
      const storage = requireRepository();
      try {
        return await storage.mergeEvents(events, { settings });
      } finally {
        // The pages show what is stored, whether the merge landed or not.
        const fresh = await storage.load();
        set({
          states: fresh.states,
          reviewsByDay: fresh.reviewsByDay,
          totalReviews: fresh.totalReviews,
          settings: fresh.settings,
        });
      }
    },
    async checkAndRepair() {
      const storage = requireRepository();
      const report = await storage.checkAndRepair();
      const fresh = await storage.load();
      set({
        states: fresh.states,
        reviewsByDay: fresh.reviewsByDay,
        totalReviews: fresh.totalReviews,
        settings: fresh.settings,
        corrupt: fresh.corrupt,
      });
      return report;
    },
    eventsForCards: (cardIds) => requireRepository().eventsForCards(cardIds),
    async saveSettings(settings) {
      await requireRepository().saveSettings(settings);
      set({ settings });
    },
  };
});
