import type { UseStore } from 'idb-keyval';
import type { CardState, ReviewEvent, Settings, UndoEvent } from '../domain/progress';
import { requireEvents } from '../domain/validation/arrival-times';
import { requireSettings } from '../domain/validation/settings';
import {
  addDayDeltas,
  type CardCommit,
  cardsOfEventIds,
  checkIdOwner,
  checkUndoTarget,
  groupByCard,
  planCardCommit,
} from './card-commit';
import { CardLogs } from './idb-card-logs';
import { runTransaction } from './idb-transaction';
import type { Clock, MergeOptions, MergeResult, SchedulerForSettings } from './progress-repository';
import { readSettings } from './read-settings';
import { kindRange, settingsKey } from './store-keys';

// The one write path for events; loaded with the first commit, with the scheduler: not at start-up.

/** How `commitEvents` treats what it is given. */
export interface CommitOptions {
  /** Each event must cancel a review its card's log holds. */
  readonly undo?: boolean;
  /** Refuse events whose ids the store holds for other cards (merges; fresh UUIDs need no check). */
  readonly checkIdOwners?: boolean;
  /** Settings saved in the same transaction, and used for its replays. */
  readonly settings?: Settings;
}

/** What a commit works on: the repository's store and its scheduler. */
export interface CommitTarget {
  readonly store: UseStore;
  readonly schedulerFor: SchedulerForSettings;
  /** Brings the store to the current schema version. */
  readonly open: () => Promise<void>;
  /** When events arrive. */
  readonly clock: Clock;
}

export async function commitReview(target: CommitTarget, event: ReviewEvent): Promise<CardState> {
  const action = `Saving review ${event.id} of card ${event.cardId}`;
  const [commit] = await commitEvents(target, action, [event]);
  if (!commit?.state) throw new Error(`${action} failed: an undo already cancels it`);
  return commit.state;
}

export async function commitUndo(
  target: CommitTarget,
  event: UndoEvent,
): Promise<CardState | undefined> {
  const action = `Undoing review ${event.cancelsEventId} of card ${event.cardId}`;
  const [commit] = await commitEvents(target, action, [event], { undo: true });
  return commit?.state;
}

/** Adds events of another device or a backup, with the settings saved in the same transaction. */
export async function mergeEvents(
  target: CommitTarget,
  events: readonly unknown[],
  options: MergeOptions,
): Promise<MergeResult> {
  const action = 'Merging events';
  const settings = options.settings && requireSettings(options.settings, action);
  const commits = await commitEvents(target, action, events, {
    checkIdOwners: true,
    ...(settings ? { settings } : {}),
  });
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

/**
 * Checks the events, then in a single transaction reads the cards' logs,
 * adds the new events, replays each card, stores the states, moves the day counts and the total.
 */
export async function commitEvents(
  target: CommitTarget,
  action: string,
  values: readonly unknown[],
  options: CommitOptions = {},
): Promise<CardCommit[]> {
  const incoming = requireEvents(values, action, target.clock());
  await target.open();
  const groups = groupByCard(incoming);
  return runTransaction(target.store, 'readwrite', action, (scope) => {
    const { store } = scope;
    // Requests complete in the order they were made: these keys are read before the logs are.
    const idOwnerKeys = options.checkIdOwners ? store.getAllKeys(kindRange('event')) : undefined;
    const cardLogs = new CardLogs(scope, target.schedulerFor);
    readSettings(scope, (storedSettings) => {
      const settings = options.settings ?? storedSettings;
      if (options.settings) store.put(options.settings, settingsKey);
      cardLogs.readCardLogs([...groups.keys()], (logs) => {
        if (idOwnerKeys) {
          const storedCardOfId = cardsOfEventIds(idOwnerKeys.result);
          for (const event of incoming) checkIdOwner(event, storedCardOfId.get(event.id), action);
        }
        const scheduler = target.schedulerFor(settings);
        const commits = [...groups].map(([id, events]) => {
          const stored = logs.get(id) ?? [];
          if (options.undo) for (const event of events) checkUndoTarget(stored, event);
          return planCardCommit(id, stored, events, scheduler, settings.dayStartHour);
        });
        const dayDeltas = new Map<string, number>();
        for (const commit of commits) addDayDeltas(dayDeltas, commit.reviewDeltaByDay);
        const changed = commits.filter((commit) => commit.addedEvents.length > 0);
        cardLogs.storeCommits(settings, changed, dayDeltas, () => scope.finish(commits));
      });
    });
  });
}
