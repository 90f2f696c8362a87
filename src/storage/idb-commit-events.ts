import type { UseStore } from 'idb-keyval';
import type {
  CardActionEvent,
  CardState,
  NoteEvent,
  ReviewEvent,
  Settings,
  UndoEvent,
} from '../domain/progress';
import { requireEvents } from '../domain/validation/arrival-times';
import { requireSettings } from '../domain/validation/settings';
import { type CardCommit, cardsOfEventIds } from './card-commit';
import { type ChangeStamps, changeStampsOf, stampChange } from './change-stamp';
import {
  committedActions,
  mergeResultOf,
  planCommits,
  reviewedState,
  undoneState,
} from './commit-plan';
import { CardLogs } from './idb-card-logs';
import { runTransaction } from './idb-transaction';
import type {
  Clock,
  CommittedActions,
  CommittedCard,
  MergeOptions,
  MergeResult,
  SchedulerForSettings,
} from './progress-repository';
import { readSettings } from './read-settings';
import { changeStampKey, kindRange, settingsKey } from './store-keys';

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

export async function commitReview(
  target: CommitTarget,
  event: ReviewEvent,
): Promise<CommittedCard<CardState>> {
  const action = `Saving review ${event.id} of card ${event.cardId}`;
  const { commits, changeStamps } = await commitEvents(target, action, [event]);
  return { ...reviewedState(commits[0], action), changeStamps };
}

export async function commitUndo(target: CommitTarget, event: UndoEvent): Promise<CommittedCard> {
  const action = `Undoing review ${event.cancelsEventId} of card ${event.cardId}`;
  const { commits, changeStamps } = await commitEvents(target, action, [event], { undo: true });
  return { ...undoneState(commits[0]), changeStamps };
}

export async function commitActions(
  target: CommitTarget,
  events: readonly (CardActionEvent | NoteEvent)[],
): Promise<CommittedActions> {
  const action = `Saving ${events.length === 1 ? 'an action' : `${events.length} actions`}`;
  const { commits, changeStamps } = await commitEvents(target, action, events);
  return { ...committedActions(commits), changeStamps };
}

/** Adds events of another device or a backup, with the settings saved in the same transaction. */
export async function mergeEvents(
  target: CommitTarget,
  events: readonly unknown[],
  options: MergeOptions,
): Promise<MergeResult> {
  const action = 'Merging events';
  const settings = options.settings && requireSettings(options.settings, action);
  const { commits, changeStamps } = await commitEvents(target, action, events, {
    checkIdOwners: true,
    ...(settings ? { settings } : {}),
  });
  return { ...mergeResultOf(commits), changeStamps };
}

/** What a commit did to each card, and the change stamps it found and left. */
interface CommitResult {
  readonly commits: CardCommit[];
  readonly changeStamps: ChangeStamps;
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
): Promise<CommitResult> {
  const incoming = requireEvents(values, action, target.clock());
  await target.open();
  const cardIds = [...new Set(incoming.map((event) => event.cardId))];
  return runTransaction(target.store, 'readwrite', action, (scope) => {
    const { store } = scope;
    const stampBefore = store.get(changeStampKey);
    // Requests complete in the order they were made: these keys are read before the logs are.
    const idOwnerKeys = options.checkIdOwners ? store.getAllKeys(kindRange('event')) : undefined;
    const cardLogs = new CardLogs(scope, target.schedulerFor);
    readSettings(scope, (storedSettings) => {
      const settings = options.settings ?? storedSettings;
      if (options.settings) {
        store.put(options.settings, settingsKey);
        stampChange(store);
      }
      cardLogs.readCardLogs(cardIds, (logs) => {
        const { commits, ...deltas } = planCommits(
          action,
          incoming,
          (id) => logs.get(id) ?? [],
          target.schedulerFor(settings),
          settings,
          {
            ...(options.undo ? { undo: true } : {}),
            ...(idOwnerKeys ? { storedCardOfId: cardsOfEventIds(idOwnerKeys.result) } : {}),
          },
        );
        const changed = commits.filter((commit) => commit.addedEvents.length > 0);
        cardLogs.storeCommits(settings, changed, deltas, () =>
          scope.finish({ commits, changeStamps: changeStampsOf(store, stampBefore.result) }),
        );
      });
    });
  });
}
