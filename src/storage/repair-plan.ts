import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import type { CardState, ProgressEvent } from '../domain/progress';
import {
  emptyTally,
  type RetentionTally,
  retentionByDay,
  sumTallies,
} from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import { type ReplaySettings, sameState } from './card-commit';
import type { CardExtras, DailyCounts, RepairReport } from './progress-repository';
import { addReviewCounts } from './review-counts';

/** The derived records as stored, to be checked against the log. */
export interface StoredDerivedRecords {
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly reviewsByDay: ReadonlyMap<string, number>;
  /** The days' true-retention tallies, where known. */
  readonly retentionByDay: ReadonlyMap<string, RetentionTally>;
  /** Undefined when no total is stored, or it failed validation. */
  readonly totalReviews: number | undefined;
}

/** What to write so that the derived records match the log again. */
export interface RepairPlan {
  /** Cards whose stored state differs from the replay of their log; undefined removes the state. */
  readonly states: ReadonlyMap<CardId, CardState | undefined>;
  /** Every card's controls and every note, as the log gives them (written whole). */
  readonly extras: CardExtras;
  /** Every day count and the total, as the log gives them. */
  readonly counts: DailyCounts;
  /** Each day's true-retention tally as the log gives it; undefined without a scheduler. */
  readonly retentionByDay: ReadonlyMap<string, RetentionTally> | undefined;
  /** Whether a count differs, or (with a scheduler) a tally is wrong or missing. */
  readonly countsDiffer: boolean;
  /** False when no scheduler was given: the states were left unchecked. */
  readonly statesChecked: boolean;
  readonly report: Omit<RepairReport, 'restampedSchemaVersion'>;
}

/** Events replayed between two pauses: about 15 ms of work (200,000 reviews took 3 s in all). */
const eventsPerSlice = 1_000;

/**
 * Replays every card's log (when given a scheduler) and counts its reviews, pausing (`pause`, e.g. a task boundary) after
 * each slice of events so that a million events never block the page for long. A state stored
 * for a card with no events is kept: the log of a version 1 card may be lost, its state is not.
 */
export async function planRepair(
  logs: ReadonlyMap<CardId, readonly ProgressEvent[]>,
  stored: StoredDerivedRecords,
  scheduler: Scheduler | undefined,
  settings: ReplaySettings,
  pause: () => Promise<void>,
): Promise<RepairPlan> {
  const states = new Map<CardId, CardState | undefined>();
  const controls = new Map<CardId, CardControls>();
  const notes = new Map<TopicId, TopicNote>();
  const reviewsByDay = new Map<string, number>();
  const tallies = new Map<string, RetentionTally>();
  let totalReviews = 0;
  let sincePause = 0;
  for (const [cardId, log] of logs) {
    if (sincePause >= eventsPerSlice) {
      sincePause = 0;
      await pause();
    }
    sincePause += log.length;
    totalReviews += addReviewCounts(reviewsByDay, log, settings.dayStartHour);
    if (!scheduler) continue;
    const replay = scheduler.replayCard(cardId, log, settings.leechLapses);
    for (const [day, tally] of retentionByDay(replay.reviews, settings.dayStartHour)) {
      tallies.set(day, sumTallies(tallies.get(day) ?? emptyTally, tally));
    }
    if (replay.controls) controls.set(cardId, replay.controls);
    if (replay.note) notes.set(replay.note.topicId, replay.note);
    const { state } = replay;
    if (!sameState(state, stored.states.get(cardId))) states.set(cardId, state);
  }
  const days = new Set([...reviewsByDay.keys(), ...stored.reviewsByDay.keys()]);
  const rebuiltDayCounts = [...days].filter(
    (day) => reviewsByDay.get(day) !== stored.reviewsByDay.get(day),
  ).length;
  // No total stored and no review counted is an empty store, not a damaged one.
  const rebuiltTotal =
    (stored.totalReviews ?? 0) === totalReviews
      ? undefined
      : { was: stored.totalReviews, now: totalReviews };
  const talliesDiffer =
    scheduler !== undefined &&
    [...reviewsByDay.keys()].some((day) => {
      const kept = stored.retentionByDay.get(day);
      const fromLogs = tallies.get(day) ?? emptyTally;
      return kept?.answers !== fromLogs.answers || kept.retained !== fromLogs.retained;
    });
  return {
    states,
    extras: { controls, notes },
    counts: { reviewsByDay, totalReviews },
    retentionByDay: scheduler ? tallies : undefined,
    countsDiffer: rebuiltDayCounts > 0 || rebuiltTotal !== undefined || talliesDiffer,
    statesChecked: scheduler !== undefined,
    report: {
      checkedReviews: totalReviews,
      checkedCards: logs.size,
      rebuiltCardStates: states.size,
      rebuiltDayCounts,
      rebuiltTotal,
    },
  };
}
