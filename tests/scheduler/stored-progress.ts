import type { CardId } from '../../src/domain/ids';
import {
  type CardState,
  defaultSettings,
  type ProgressEvent,
  type Settings,
} from '../../src/domain/progress';
import { createScheduler } from '../../src/scheduler/scheduler';
import type { QueueInputs } from '../../src/scheduler/study-session';

const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

/** Each card once, in deck order: siblings do not wait, and nothing is learnt ahead. */
export const everyCardOnce: Settings = {
  ...defaultSettings,
  siblingsWait: false,
  learnAheadMinutes: 0,
};

/**
 * Stored progress as a repository keeps it: the log of every tab's events, each card's state its
 * events replayed through the scheduler. `at` gives what the session's queue is built from.
 */
export function storedProgress(deck: readonly CardId[], settings = everyCardOnce) {
  const log: ProgressEvent[] = [];
  let states: ReadonlyMap<CardId, CardState> = new Map();
  return {
    commit(event: ProgressEvent) {
      log.push(event);
      const state = scheduler.replay(event.cardId, log);
      const next = new Map(states);
      if (state) next.set(event.cardId, state);
      else next.delete(event.cardId);
      states = next;
    },
    at: (nowMillis: number): QueueInputs => ({ decks: [deck], states, settings, nowMillis }),
    log: (): readonly ProgressEvent[] => log,
  };
}
export type StoredProgress = ReturnType<typeof storedProgress>;
