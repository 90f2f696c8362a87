import { describe, expect, it } from 'vitest';
import { fsrsRecall } from '../../src/scheduler/fsrs-recall';
import { deckMastery } from '../../src/scheduler/mastery';
import { deckFiguresInSlices } from '../../src/stats/deck-figures';
import { cardState, ids, stateMap } from '../scheduler/card-states';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const horizon = 30;
const states = stateMap([
  cardState('a:term', 'review', now, { stability: 30, lastReviewAtMillis: now }),
  cardState('b:term', 'learning', now, { stability: 2, lastReviewAtMillis: now - day }),
]);
const deck = {
  topicCardIds: [ids('a:term'), ids('b:term', 'b:recall'), ids('c:term')],
  studyCardIds: ids('a:term', 'b:term', 'b:recall', 'c:term'),
};

describe('deckFiguresInSlices', () => {
  it("gives the deck's mastery and its cards by phase", async () => {
    const figures = await deckFiguresInSlices(deck, states, now, horizon, {
      nextTask: async () => {},
      signal: new AbortController().signal,
    });
    expect(figures).toEqual({
      mastery: deckMastery(deck.topicCardIds, states, fsrsRecall, now, horizon),
      counts: { new: 2, learning: 1, review: 1, relearning: 0 },
    });
  });

  it('stops at its next task once aborted, and gives undefined', async () => {
    const controller = new AbortController();
    let tasks = 0;
    const figures = await deckFiguresInSlices(deck, states, now, horizon, {
      // A slice of no time is spent at once: each topic is followed by a new task.
      sliceMs: 0,
      nextTask: async () => {
        tasks += 1;
        controller.abort();
      },
      signal: controller.signal,
    });
    expect(figures).toBeUndefined();
    expect(tasks).toBe(1);
  });
});
