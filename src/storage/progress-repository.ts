import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import type {
  CardActionEvent,
  CardState,
  NoteEvent,
  ProgressEvent,
  ReviewEvent,
  Settings,
  UndoEvent,
} from '../domain/progress';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import type { RetentionTally } from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import type { ChangeStamps } from './change-stamp';

/** A stored record that failed validation, moved aside so that the rest keeps working. */
export interface CorruptRecord {
  /** The record's original key, as JSON: `["state","css/box-model:term"]`. */
  readonly key: string;
  readonly reason: string;
}

/** What cards carry besides their schedules: the learner's controls, and the topics' notes. */
export interface CardExtras {
  /** Only cards with something set. */
  readonly controls: ReadonlyMap<CardId, CardControls>;
  readonly notes: ReadonlyMap<TopicId, TopicNote>;
}

/** What the pages need at start-up, read without touching the review log. */
export interface ProgressSnapshot extends CardExtras {
  readonly states: ReadonlyMap<CardId, CardState>;
  /**
   * Reviews that count (undone ones do not) per study day, `YYYY-MM-DD`. The day of each review is
   * fixed when it is written, with the day-start hour of that moment.
   */
  readonly reviewsByDay: ReadonlyMap<string, number>;
  readonly totalReviews: number;
  readonly settings: Settings;
  readonly corrupt: readonly CorruptRecord[];
  /** The store's change stamp the snapshot was read at (see `change-stamp.ts`); none in memory. */
  readonly changeStamp?: string;
}

export type DailyCounts = Pick<ProgressSnapshot, 'reviewsByDay' | 'totalReviews'>;

/**
 * What a commit stored for its card: the card's new state, and how the per-day counts moved, so
 * that a caller keeping counts applies what storage did rather than guessing it.
 */
export interface CommittedCard<State extends CardState | undefined = CardState | undefined> {
  readonly state: State;
  /** The card's controls after the commit: a review may have made it a leech. */
  readonly controls: CardControls | undefined;
  /** Counted reviews gained (+1) or lost (-1) per study day; empty when the log already held it. */
  readonly reviewDeltaByDay: ReadonlyMap<string, number>;
  /** The change stamps the commit found and left; none in memory. */
  readonly changeStamps?: ChangeStamps;
}

/** What a batch of actions and notes left on each card it touched. */
export interface CommittedActions {
  readonly states: ReadonlyMap<CardId, CardState | undefined>;
  readonly controls: ReadonlyMap<CardId, CardControls | undefined>;
  readonly notes: ReadonlyMap<TopicId, TopicNote>;
  readonly changeStamps?: ChangeStamps;
}

export interface MergeResult {
  /** Events the log did not hold yet, undos included. */
  readonly addedEvents: number;
  readonly addedReviews: number;
  /** Cards whose events changed, each replayed and stored. */
  readonly cardIds: readonly CardId[];
  readonly changeStamps?: ChangeStamps;
}

export interface MergeOptions {
  readonly settings?: Settings;
}

/** The moment events arrive, in epoch ms: a time more than a day after it is refused. */
export type Clock = () => number;

/** What `checkAndRepair` checked, and which derived records it wrote again because they differed. */
export interface RepairReport {
  /** Reviews that count (undone ones do not), over the whole log. */
  readonly checkedReviews: number;
  /** Cards with events in the log. */
  readonly checkedCards: number;
  readonly rebuiltCardStates: number;
  readonly rebuiltDayCounts: number;
  /** The stored total (undefined when there was none) and the log's, when they differed. */
  readonly rebuiltTotal: { readonly was: number | undefined; readonly now: number } | undefined;
  /** Whether the schema version record was missing or wrong and was written again. */
  readonly restampedSchemaVersion: boolean;
}

/**
 * The progress store. The log of events is the truth; card states, per-day counts and the total are
 * caches written in the same transaction as the events they derive from.
 *
 * Concurrency between tabs (and devices, through merges) works as in Orbit: a commit hands over
 * only the event. Inside one transaction the repository adds it to the card's log, replays that
 * card's whole log through the scheduler and stores the result, which it returns. A tab that
 * rated from a stale state therefore cannot overwrite another tab's review: both events stay, and
 * the stored state is the replay of both, in time order. IndexedDB runs read-write transactions
 * on one store one after another, so two tabs' commits never interleave.
 *
 * Daily limits need no per-deck counters: card ids do not name their deck, so each card state
 * carries when it was first reviewed and last answered in review, and the caller counts a deck's
 * cards (see `studiedToday`).
 */
export interface ProgressRepository {
  load(): Promise<ProgressSnapshot>;
  /** The per-day counts and the total alone: what another tab's commit changed besides states. */
  loadDailyCounts(): Promise<DailyCounts>;
  /** The stored states of these cards (absent ones were never reviewed), e.g. after another tab's commit. */
  statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>>;
  /**
   * Adds the review and returns the card's new state and the day it counts on. Committing an event
   * already stored changes nothing (and moves no count).
   */
  commitReview(event: ReviewEvent): Promise<CommittedCard<CardState>>;
  /**
   * Adds the undo and returns the card's state without the cancelled review (undefined when no
   * review remains) and the day it no longer counts on (none when an undo already cancelled it).
   * Rejects when the card has no such review.
   */
  commitUndo(event: UndoEvent): Promise<CommittedCard>;
  /**
   * Adds card actions and note edits, any number of cards in one transaction, and returns what
   * each card's replay left. An action already stored changes nothing.
   */
  commitActions(events: readonly (CardActionEvent | NoteEvent)[]): Promise<CommittedActions>;
  /** The stored controls and notes of these cards and note logs, e.g. after another tab's commit. */
  extrasFor(cardIds: readonly CardId[]): Promise<CardExtras>;
  /** The card's events, undos included, in time order. */
  eventsForCard(cardId: CardId): Promise<ProgressEvent[]>;
  /** The events of these cards, undos included, in time order: one read however many cards. */
  eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]>;
  /** Every event, in time order: for backups, merges and statistics, never for start-up. */
  allEvents(): Promise<ProgressEvent[]>;
  /**
   * Union by event id (a stored event wins over an incoming one with its id), then a replay of
   * every card that gained events; one transaction, which also saves `options.settings` when given
   * (a backup's: they land with its events or not at all, and the replay uses them). Rejects,
   * changing nothing, when any event is malformed, carries a time outside 2000 to a day after now,
   * or has the id of a stored event of another card.
   */
  mergeEvents(events: readonly unknown[], options?: MergeOptions): Promise<MergeResult>;
  getSettings(): Promise<Settings>;
  /**
   * Derives every card state, day count, the total and the schema version from the log again and
   * writes those that differ from what is stored. Reads the whole log: only on the learner's request.
   */
  checkAndRepair(): Promise<RepairReport>;
  /**
   * Card states keep the due dates they were given: a new desired retention applies to each card
   * from its next review (which replays it with the new value), as in Anki without rescheduling.
   */
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Keeps the home page's counts for the next start, unless the store's change stamp is no longer
   * the record's (a change came in between): resolves whether they were kept. Absent in memory.
   */
  saveDeckCounts?(record: DeckCountsRecord): Promise<boolean>;
  /**
   * The true-retention tallies of the last `windowDays` study days up to `nowMillis` (by the
   * stored day start), with the log's size when `withEventCount` asks for it (a count over every
   * event key). One read-only transaction, settings included, so it need not wait for others.
   */
  readDayTallies(
    nowMillis: number,
    windowDays: number,
    withEventCount?: boolean,
  ): Promise<DayTallies>;
  /**
   * Stores tallies counted from the logs on the days whose tally is unknown, unless the log no
   * longer holds `eventCount` events (a commit came in between). Resolves whether it stored them.
   */
  fillDayTallies(
    counted: ReadonlyMap<string, RetentionTally>,
    eventCount: number,
  ): Promise<boolean>;
}

/** Days' true-retention tallies as stored; see `ProgressRepository.readDayTallies`. */
export interface DayTallies {
  /** The window's days, oldest first, and when the first starts. */
  readonly dayKeys: readonly string[];
  readonly startMillis: number;
  readonly dayStartHour: number;
  /** Each day with reviews: its tally, or undefined when it is not known. */
  readonly tallies: ReadonlyMap<string, RetentionTally | undefined>;
  /** How many events the log held at the read; 0 unless asked for. */
  readonly eventCount: number;
}

/**
 * Every day's true-retention tally as start-up read it, handed over before the card states: the
 * statistics page shows true retention from it while they load, and for as long as the store
 * holds the same change stamp and day start.
 */
export interface StartupDayTallies {
  readonly dayStartHour: number;
  readonly changeStamp: string;
  /** Each day with reviews: its tally, or undefined when it is not known. */
  readonly tallies: ReadonlyMap<string, RetentionTally | undefined>;
}

/**
 * The review counts start-up reads before the card states, handed over for the statistics page:
 * the snapshot holds the same once the states are in.
 */
export interface StartupDayCounts {
  readonly dayStartHour: number;
  readonly reviewsByDay: ReadonlyMap<string, number>;
  readonly totalReviews: number;
}

/** Both repositories replay with the scheduler the stored settings ask for. */
export type SchedulerForSettings = (settings: Settings) => Scheduler;
