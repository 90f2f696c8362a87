import { describe, expect, it } from 'vitest';
import {
  distinctSessionCards,
  distinctSessionCardsInTasks,
} from '../../src/scheduler/distinct-session-cards';
import { comeBackAtMillis, studyQueue } from '../../src/scheduler/study-queue';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, stateMap } from './card-states';

const day = 86_400_000;
inTimeZone('UTC');

const now = Date.UTC(2026, 4, 12, 10);
// Siblings waiting is a rule of its own (sibling-cards.test.ts): off, so that only sharing shows.
const settings = {
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  siblingsWait: false,
  learnAheadMinutes: 20,
};

describe('a card two decks share in one session', () => {
  // An imported copy of the bundled deck, with one topic of its own.
  const bundled = ids('loop:term', 'loop:recall', 'tasks:term', 'tasks:recall');
  const copy = ids('loop:term', 'loop:recall', 'tasks:term', 'tasks:recall', 'mine:term');
  const states = stateMap([
    cardState('loop:term', 'review', now - 2 * day),
    cardState('tasks:recall', 'review', now - day),
  ]);

  it('is queued once, in the first deck that holds it', () => {
    const queue = studyQueue(distinctSessionCards([bundled, copy]), states, settings, now);
    expect(queue).toEqual(
      ids('loop:term', 'tasks:recall', 'loop:recall', 'tasks:term', 'mine:term'),
    );
    expect(new Set(queue).size).toBe(queue.length);
  });

  it('leaves the other deck its own cards, within its own new-card limit', () => {
    const oneNewADay = { ...settings, newPerDay: 1 };
    expect(studyQueue(distinctSessionCards([bundled, copy]), states, oneNewADay, now)).toEqual(
      ids('loop:term', 'tasks:recall', 'loop:recall', 'mine:term'),
    );
  });

  it('still says when to come back for a shared learning card', () => {
    const minute = 60_000;
    const learning = stateMap([cardState('loop:recall', 'learning', now + 30 * minute)]);
    const decks = distinctSessionCards([bundled, copy]);
    expect(studyQueue(decks, learning, { ...settings, newPerDay: 0 }, now)).toEqual([]);
    expect(comeBackAtMillis(decks, learning, settings, now)).toBe(now + 10 * minute);
  });

  it('keeps the order of the cards left, wherever the shared ones sit', () => {
    const mixed = ids('x:term', 'loop:recall', 'y:term', 'tasks:term', 'z:term');
    expect(distinctSessionCards([bundled, mixed])).toEqual([
      bundled,
      ids('x:term', 'y:term', 'z:term'),
    ]);
  });

  it('returns decks that share nothing as they are', () => {
    const other = ids('gevent:term');
    const [first, second] = distinctSessionCards([bundled, other]);
    expect(first).toBe(bundled);
    expect(second).toBe(other);
  });

  it('are found the same a deck per task, each deck read in its own', async () => {
    const mixed = ids('x:term', 'loop:recall', 'y:term', 'tasks:term', 'z:term');
    const decks = [bundled, copy, mixed];
    const steps: string[] = [];
    const inTasks = await distinctSessionCardsInTasks(
      decks,
      (deck) => {
        steps.push(`read ${decks.indexOf(deck)}`);
        return deck;
      },
      async () => {
        steps.push('pause');
      },
    );
    expect(inTasks).toEqual(distinctSessionCards(decks));
    expect(inTasks).toEqual([bundled, ids('mine:term'), ids('x:term', 'y:term', 'z:term')]);
    expect(steps).toEqual(['pause', 'read 0', 'pause', 'read 1', 'pause', 'read 2']);
  });
});
