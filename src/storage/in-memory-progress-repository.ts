import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import {
  type CardActionEvent,
  type CardState,
  defaultSettings,
  type NoteEvent,
  type ProgressEvent,
  type ReviewEvent,
  type Settings,
  type UndoEvent,
} from '../domain/progress';
import { requireEvents } from '../domain/validation/arrival-times';
import { requireSettings } from '../domain/validation/settings';
import { recentStudyDays } from '../scheduler/day-boundary';
import { compareEventsByTime } from '../scheduler/effective-reviews';
import { emptyTally, type RetentionTally } from '../scheduler/retention-tally';
import type { CardCommit } from './card-commit';
import {
  type CommitChecks,
  committedActions,
  mergeResultOf,
  planCommits,
  reviewedState,
  undoneState,
} from './commit-plan';
import { type MovedDay, movedDayRecord } from './day-record-moves';
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
import { planRepair } from './repair-plan';

/**
 * Progress kept in memory only: for tests, and for browsers where IndexedDB is unavailable (the UI
 * then warns that progress will not be saved). Same rules as the IndexedDB one: every commit is
 * planned in full before anything changes, and results are copies, as if read from a store.
 */
export class InMemoryProgressRepository implements ProgressRepository {
  private readonly schedulerFor: SchedulerForSettings;
  private readonly clock: Clock;
  private readonly events = new Map<CardId, Map<string, ProgressEvent>>();
  private readonly states = new Map<CardId, CardState>();
  private readonly controls = new Map<CardId, CardControls>();
  private readonly notes = new Map<TopicId, TopicNote>();
  private readonly reviewsByDay = new Map<string, number>();
  /** Each day's true-retention tally; a day with reviews but none here has an unknown one. */
  private readonly retentionByDay = new Map<string, RetentionTally>();
  private totalReviews = 0;
  private settings: Settings = defaultSettings;

  constructor(schedulerFor: SchedulerForSettings, clock: Clock = () => Date.now()) {
    this.schedulerFor = schedulerFor;
    this.clock = clock;
  }

  async load(): Promise<ProgressSnapshot> {
    return {
      states: structuredClone(this.states),
      controls: structuredClone(this.controls),
      notes: structuredClone(this.notes),
      reviewsByDay: new Map(this.reviewsByDay),
      totalReviews: this.totalReviews,
      settings: this.settings,
      corrupt: [],
    };
  }

  async loadDailyCounts(): Promise<DailyCounts> {
    return { reviewsByDay: new Map(this.reviewsByDay), totalReviews: this.totalReviews };
  }

  async statesFor(cardIds: readonly CardId[]): Promise<Map<CardId, CardState>> {
    const found = new Map<CardId, CardState>();
    for (const id of cardIds) {
      const state = this.states.get(id);
      if (state) found.set(id, structuredClone(state));
    }
    return found;
  }

  async commitReview(event: ReviewEvent): Promise<CommittedCard<CardState>> {
    const action = `Saving review ${event.id} of card ${event.cardId}`;
    const [commit] = this.commit(action, requireEvents([event], action, this.clock()));
    const committed = reviewedState(commit, action);
    return { ...committed, state: structuredClone(committed.state) };
  }

  async commitUndo(event: UndoEvent): Promise<CommittedCard> {
    const action = `Undoing review ${event.cancelsEventId} of card ${event.cardId}`;
    const valid = requireEvents([event], action, this.clock());
    const [commit] = this.commit(action, valid, { undo: true });
    const undone = undoneState(commit);
    return { ...undone, state: undone.state && structuredClone(undone.state) };
  }

  async commitActions(events: readonly (CardActionEvent | NoteEvent)[]): Promise<CommittedActions> {
    const action = `Saving ${events.length} actions`;
    const commits = this.commit(action, requireEvents(events, action, this.clock()));
    return structuredClone(committedActions(commits));
  }

  async extrasFor(cardIds: readonly CardId[]): Promise<CardExtras> {
    const controls = new Map<CardId, CardControls>();
    const notes = new Map<TopicId, TopicNote>();
    for (const id of cardIds) {
      const found = this.controls.get(id);
      if (found) controls.set(id, found);
    }
    for (const note of this.notes.values()) {
      if (cardIds.some((id) => id === `note:${note.topicId}`)) notes.set(note.topicId, note);
    }
    return structuredClone({ controls, notes });
  }

  async eventsForCard(cardId: CardId): Promise<ProgressEvent[]> {
    return structuredClone(
      [...(this.events.get(cardId)?.values() ?? [])].sort(compareEventsByTime),
    );
  }

  async eventsForCards(cardIds: readonly CardId[]): Promise<ProgressEvent[]> {
    const events = cardIds.flatMap((id) => [...(this.events.get(id)?.values() ?? [])]);
    return structuredClone(events.sort(compareEventsByTime));
  }

  async allEvents(): Promise<ProgressEvent[]> {
    const all = [...this.events.values()].flatMap((log) => [...log.values()]);
    return structuredClone(all.sort(compareEventsByTime));
  }

  async mergeEvents(events: readonly unknown[], options: MergeOptions = {}): Promise<MergeResult> {
    const action = 'Merging events';
    const valid = requireEvents(events, action, this.clock());
    const settings = options.settings && requireSettings(options.settings, action);
    const storedCardOfId = new Map<string, CardId>();
    for (const [id, log] of this.events)
      for (const eventId of log.keys()) storedCardOfId.set(eventId, id);
    const previousSettings = this.settings;
    if (settings) this.settings = settings;
    let commits: CardCommit[];
    try {
      commits = this.commit(action, valid, { storedCardOfId });
    } catch (error) {
      this.settings = previousSettings;
      throw error;
    }
    return mergeResultOf(commits);
  }

  async getSettings(): Promise<Settings> {
    return this.settings;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = requireSettings(settings, 'Saving settings');
  }

  async readDayTallies(
    nowMillis: number,
    windowDays: number,
    withEventCount = false,
  ): Promise<DayTallies> {
    const { dayStartHour } = this.settings;
    const { dayKeys, startMillis } = recentStudyDays(nowMillis, dayStartHour, windowDays);
    const tallies = new Map<string, RetentionTally | undefined>();
    for (const day of dayKeys) {
      if ((this.reviewsByDay.get(day) ?? 0) > 0) tallies.set(day, this.retentionByDay.get(day));
    }
    const eventCount = withEventCount ? this.eventCount() : 0;
    return { dayKeys, startMillis, dayStartHour, tallies, eventCount };
  }

  async fillDayTallies(
    counted: ReadonlyMap<string, RetentionTally>,
    eventCount: number,
  ): Promise<boolean> {
    if (eventCount !== this.eventCount()) return false;
    for (const [day, tally] of counted) {
      if (this.reviewsByDay.has(day) && !this.retentionByDay.has(day)) {
        this.retentionByDay.set(day, tally);
      }
    }
    return true;
  }

  private eventCount(): number {
    let count = 0;
    for (const log of this.events.values()) count += log.size;
    return count;
  }

  async checkAndRepair(): Promise<RepairReport> {
    const logs = new Map([...this.events].map(([id, log]) => [id, [...log.values()]]));
    const plan = await planRepair(
      logs,
      {
        states: this.states,
        reviewsByDay: this.reviewsByDay,
        retentionByDay: this.retentionByDay,
        totalReviews: this.totalReviews,
      },
      this.schedulerFor(this.settings),
      this.settings,
      async () => {},
    );
    this.controls.clear();
    for (const [id, controls] of plan.extras.controls) this.controls.set(id, controls);
    this.notes.clear();
    for (const [topic, note] of plan.extras.notes) this.notes.set(topic, note);
    for (const [id, state] of plan.states) {
      if (state) this.states.set(id, state);
      else this.states.delete(id);
    }
    if (plan.countsDiffer) {
      this.reviewsByDay.clear();
      for (const [day, count] of plan.counts.reviewsByDay) this.reviewsByDay.set(day, count);
      this.retentionByDay.clear();
      for (const day of plan.counts.reviewsByDay.keys()) {
        this.retentionByDay.set(day, plan.retentionByDay?.get(day) ?? emptyTally);
      }
      this.totalReviews = plan.counts.totalReviews;
    }
    return { ...plan.report, restampedSchemaVersion: false };
  }

  /** Plans every card first, then applies: a throw while planning leaves nothing half-done. */
  private commit(
    action: string,
    incoming: readonly ProgressEvent[],
    checks: CommitChecks = {},
  ): CardCommit[] {
    const { commits, dayDeltas, retentionDeltas } = planCommits(
      action,
      incoming,
      (cardId) => [...(this.events.get(cardId)?.values() ?? [])],
      this.schedulerFor(this.settings),
      this.settings,
      checks,
    );
    for (const commit of commits) {
      if (commit.addedEvents.length === 0) continue;
      const log = this.events.get(commit.cardId) ?? new Map<string, ProgressEvent>();
      for (const event of commit.addedEvents) log.set(event.id, structuredClone(event));
      this.events.set(commit.cardId, log);
      if (commit.state) this.states.set(commit.cardId, commit.state);
      else this.states.delete(commit.cardId);
      if (commit.controls) this.controls.set(commit.cardId, commit.controls);
      else this.controls.delete(commit.cardId);
      if (commit.note) this.notes.set(commit.note.topicId, commit.note);
    }
    for (const day of new Set([...dayDeltas.keys(), ...retentionDeltas.keys()])) {
      const delta = dayDeltas.get(day) ?? 0;
      const reviewCount = this.reviewsByDay.get(day);
      const stored = reviewCount === undefined ? undefined : this.storedDay(day, reviewCount);
      const moved = movedDayRecord(stored, delta, retentionDeltas, day);
      if (moved.reviewCount === 0) this.reviewsByDay.delete(day);
      else this.reviewsByDay.set(day, moved.reviewCount);
      if (moved.retention && moved.reviewCount > 0) this.retentionByDay.set(day, moved.retention);
      else this.retentionByDay.delete(day);
      this.totalReviews = Math.max(0, this.totalReviews + delta);
    }
    return commits;
  }

  private storedDay(day: string, reviewCount: number): MovedDay {
    return { reviewCount, retention: this.retentionByDay.get(day) };
  }
}
