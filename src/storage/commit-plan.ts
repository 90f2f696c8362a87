import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import type { CardState, ProgressEvent } from '../domain/progress';
import type { RetentionTally } from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import {
  addDayDeltas,
  addRetentionDeltas,
  type CardCommit,
  checkIdOwner,
  checkUndoTarget,
  groupByCard,
  planCardCommit,
  type ReplaySettings,
} from './card-commit';
import type { CommittedActions, CommittedCard, MergeResult } from './progress-repository';

// The commit and merge rules both repositories follow, in one place: each checks and plans a whole
// commit with these before it changes anything, then writes the plan its own way.

/** What a commit must refuse besides malformed events. */
export interface CommitChecks {
  /** Each event must cancel a review its card's log holds. */
  readonly undo?: boolean;
  /** The card each stored event id belongs to: an incoming event may not reuse another card's id. */
  readonly storedCardOfId?: ReadonlyMap<string, string>;
}

/** Every card's commit, and the day counts and true-retention tallies they move together. */
export interface CommitPlan {
  readonly commits: CardCommit[];
  readonly dayDeltas: Map<string, number>;
  readonly retentionDeltas: Map<string, RetentionTally | undefined>;
}

/**
 * Checks the incoming events against the stored logs and plans each card's commit, cards in the
 * order they first come; throws, naming `action`, on the first event the checks refuse.
 */
export function planCommits(
  action: string,
  incoming: readonly ProgressEvent[],
  storedLog: (cardId: CardId) => readonly ProgressEvent[],
  scheduler: Scheduler,
  settings: ReplaySettings,
  checks: CommitChecks = {},
): CommitPlan {
  const { storedCardOfId } = checks;
  if (storedCardOfId) {
    for (const event of incoming) checkIdOwner(event, storedCardOfId.get(event.id), action);
  }
  const commits = [...groupByCard(incoming)].map(([cardId, events]) => {
    const stored = storedLog(cardId);
    if (checks.undo) for (const event of events) checkUndoTarget(stored, event);
    return planCardCommit(cardId, stored, events, scheduler, settings);
  });
  return { commits, ...commitDeltas(commits) };
}

/** The day counts and tallies a set of card commits move together. */
export function commitDeltas(
  commits: readonly CardCommit[],
): Pick<CommitPlan, 'dayDeltas' | 'retentionDeltas'> {
  const dayDeltas = new Map<string, number>();
  const retentionDeltas = new Map<string, RetentionTally | undefined>();
  for (const commit of commits) {
    addDayDeltas(dayDeltas, commit.reviewDeltaByDay);
    addRetentionDeltas(retentionDeltas, commit.retentionDeltaByDay);
  }
  return { dayDeltas, retentionDeltas };
}

/** The card's state after a committed review; a review an undo already cancels is refused. */
export function reviewedState(
  commit: CardCommit | undefined,
  action: string,
): CommittedCard<CardState> {
  if (!commit?.state) throw new Error(`${action} failed: an undo already cancels it`);
  return {
    state: commit.state,
    controls: commit.controls,
    reviewDeltaByDay: commit.reviewDeltaByDay,
  };
}

/** An undo's outcome: the card's state without the cancelled review, and the day it leaves. */
export function undoneState(commit: CardCommit | undefined): CommittedCard {
  return {
    state: commit?.state,
    controls: commit?.controls,
    reviewDeltaByDay: commit?.reviewDeltaByDay ?? new Map(),
  };
}

/** What a batch of actions left on each card: states and controls, and the notes written. */
export function committedActions(commits: readonly CardCommit[]): CommittedActions {
  const states = new Map<CardId, CardState | undefined>();
  const controls = new Map<CardId, CardControls | undefined>();
  const notes = new Map<TopicId, TopicNote>();
  for (const commit of commits) {
    if (commit.note) notes.set(commit.note.topicId, commit.note);
    else {
      states.set(commit.cardId, commit.state);
      controls.set(commit.cardId, commit.controls);
    }
  }
  return { states, controls, notes };
}

/** What a merge added: events and reviews the logs lacked, and the cards they changed. */
export function mergeResultOf(commits: readonly CardCommit[]): MergeResult {
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
