import { describe, expect, it } from 'vitest';
import type { CardId } from '../../src/domain/ids';
import { type CardState, defaultSettings } from '../../src/domain/progress';
import { studyQueue, studyQueueInTasks } from '../../src/scheduler/study-queue';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, phasesOrUnseen, stateMap } from './card-states';
import { seededRandom } from './seeded-random';

inTimeZone('UTC');

const minute = 60_000;
const day = 24 * 60 * minute;
const now = Date.UTC(2026, 4, 12, 10);
const phases = phasesOrUnseen;

/** Three decks of topics with two cards each, in random phases due from a week ago to a week on. */
function randomDecks(seed: number) {
  const random = seededRandom(seed);
  const states: CardState[] = [];
  const decks = ['css', 'git', 'sql'].map((deck) =>
    ids(
      ...Array.from({ length: 60 }, (_, index) => {
        const side = index % 2 === 0 ? 'term' : 'recall';
        return `${deck}/topic-${Math.floor(index / 2)}:${side}`;
      }),
    ),
  );
  for (const id of decks.flat()) {
    const phase = phases[Math.floor(random() * phases.length)] ?? 'unseen';
    if (phase === 'unseen') continue;
    const dueAtMillis = now + Math.round((random() - 0.5) * 14 * day);
    const answeredToday = random() < 0.2;
    states.push(
      cardState(id, phase, dueAtMillis, {
        lastReviewAtMillis: answeredToday ? now - 30 * minute : now - 3 * day,
        firstReviewAtMillis: answeredToday && random() < 0.5 ? now - 30 * minute : now - 9 * day,
      }),
    );
  }
  return { decks, states: stateMap(states) };
}

/** A pause the test can count, resolved at once. */
function countedPauses() {
  const pauses = { count: 0 };
  const nextTask = async () => {
    pauses.count += 1;
  };
  return { pauses, nextTask };
}

describe('studyQueueInTasks', () => {
  it.each([1, 2, 3, 4, 5])(
    'builds the queue studyQueue builds, pausing before each deck (seed %i)',
    async (seed) => {
      const { decks, states } = randomDecks(seed);
      const settings = { ...defaultSettings, newPerDay: 7, reviewsPerDay: 9 };
      const deckSettings = [settings, { ...settings, newPerDay: 2 }, settings];
      const { pauses, nextTask } = countedPauses();

      const told: { queueSoFar: readonly CardId[]; pausesBefore: number }[] = [];

      const inTasks = await studyQueueInTasks(
        decks,
        states,
        settings,
        now,
        deckSettings,
        nextTask,
        (queueSoFar) => told.push({ queueSoFar, pausesBefore: pauses.count }),
      );

      expect(inTasks).toEqual(studyQueue(decks, states, settings, now, deckSettings));
      expect(inTasks.length).toBeGreaterThan(0);
      expect(pauses.count).toBe(decks.length);
      // Told once, before the last deck, of the cards the whole queue starts with.
      const [first, ...more] = told;
      expect(more).toEqual([]);
      expect(first?.queueSoFar.length).toBeGreaterThan(0);
      expect(inTasks.slice(0, first?.queueSoFar.length)).toEqual(first?.queueSoFar);
      expect(first?.pausesBefore).toBeLessThan(decks.length);
    },
  );

  it('learns ahead as studyQueue does when nothing is due', async () => {
    const decks = [ids('css/a:term', 'css/b:term'), ids('git/a:term')];
    const states = stateMap([
      cardState('css/a:term', 'learning', now + 10 * minute),
      cardState('css/b:term', 'review', now + 3 * day),
      cardState('git/a:term', 'relearning', now + 5 * minute),
    ]);
    const { nextTask } = countedPauses();

    const inTasks = await studyQueueInTasks(
      decks,
      states,
      defaultSettings,
      now,
      undefined,
      nextTask,
    );

    expect(inTasks).toEqual(ids('git/a:term', 'css/a:term'));
    expect(inTasks).toEqual(studyQueue(decks, states, defaultSettings, now));
  });
});
