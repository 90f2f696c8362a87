import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { CardState, Rating } from '../../src/domain/progress';
import { taskSlices } from '../../src/domain/task-slices';
import { fsrsRecall } from '../../src/scheduler/fsrs-recall';
import {
  cardMastery,
  deckMastery,
  deckMasteryInSlices,
  topicMastery,
} from '../../src/scheduler/mastery';
import { createScheduler } from '../../src/scheduler/scheduler';
import { cardState, ids, stateMap } from './card-states';

const minute = 60_000;
const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const horizon = 30;
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

/** A card's state after answering `ratings`, each `gapMillis` after the previous one. */
function answered(ratings: readonly [Rating, number][], startMillis: number): CardState {
  let state: CardState | undefined;
  let at = startMillis;
  for (const [rating, gapMillis] of ratings) {
    at += gapMillis;
    state = scheduler.review(state, cardId('t:term'), rating, at);
  }
  if (!state) throw new Error('no answers');
  return state;
}

describe('cardMastery', () => {
  it('is 0 for a card never reviewed', () => {
    expect(cardMastery(undefined, fsrsRecall, now, horizon)).toBe(0);
    expect(cardMastery(cardState('t:term', 'new', now), fsrsRecall, now, horizon)).toBe(0);
  });

  it('is below 10% right after a lapse, with the default FSRS parameters', () => {
    // Learned, then a 3-day and a 9-day review, then forgotten: a young card's lapse.
    const lapsed = answered(
      [
        [3, 0],
        [3, 10 * minute],
        [3, 3 * day],
        [3, 9 * day],
        [1, 20 * day],
      ],
      now - 40 * day,
    );
    expect(lapsed.phase).toBe('relearning');
    expect(lapsed.stability).toBeLessThan(3);
    const at = lapsed.lastReviewAtMillis ?? 0;
    expect(cardMastery(lapsed, fsrsRecall, at, horizon)).toBeLessThan(0.1);
    // A brand-new card answered Again is further down still.
    const failedFirst = answered([[1, 0]], now);
    expect(cardMastery(failedFirst, fsrsRecall, now, horizon)).toBeLessThan(0.01);
  });

  it('is 1 once stability reaches the horizon and the card is not overdue, and not before', () => {
    const lasting = cardState('t:term', 'review', now + 20 * day, {
      stability: 30,
      lastReviewAtMillis: now - 10 * day,
    });
    expect(cardMastery(lasting, fsrsRecall, now, horizon)).toBe(1);
    const nearly = { ...lasting, stability: 29 };
    expect(cardMastery(nearly, fsrsRecall, now, horizon)).toBeCloseTo(29 / 30, 5);
    // The horizon is a setting: a week's horizon is met by a stability of a week.
    const week = { ...lasting, stability: 7, lastReviewAtMillis: now - day };
    expect(cardMastery(week, fsrsRecall, now, 7)).toBe(1);
  });

  it('falls as a card goes overdue', () => {
    const reviewedAt = now - 30 * day;
    const card = cardState('t:term', 'review', now, {
      stability: 30,
      lastReviewAtMillis: reviewedAt,
    });
    const onTime = cardMastery(card, fsrsRecall, reviewedAt + 30 * day, horizon);
    const weekLate = cardMastery(card, fsrsRecall, reviewedAt + 37 * day, horizon);
    const monthLate = cardMastery(card, fsrsRecall, reviewedAt + 60 * day, horizon);
    expect(onTime).toBeCloseTo(1, 5);
    expect(weekLate).toBeLessThan(onTime);
    expect(monthLate).toBeLessThan(weekLate);
  });

  it('rises only with successful reviews', () => {
    let state: CardState | undefined;
    let at = now;
    let previous = 0;
    // Each answer on its due date: Good never lowers mastery (a same-day learning step may leave
    // it be), and five of them lift it well up; Again drops it.
    for (const rating of [3, 3, 3, 3, 3] as const) {
      state = scheduler.review(state, cardId('t:term'), rating, at);
      const mastery = cardMastery(state, fsrsRecall, at, horizon);
      expect(mastery).toBeGreaterThanOrEqual(previous);
      previous = mastery;
      at = state.dueAtMillis;
    }
    expect(previous).toBeGreaterThan(0.5);
    const afterLapse = scheduler.review(state, cardId('t:term'), 1, at);
    expect(cardMastery(afterLapse, fsrsRecall, at, horizon)).toBeLessThan(previous);
    const hard = scheduler.review(state, cardId('t:term'), 2, at);
    expect(cardMastery(hard, fsrsRecall, at, horizon)).toBeGreaterThanOrEqual(
      cardMastery(state, fsrsRecall, at, horizon),
    );
  });
});

describe('topicMastery', () => {
  it('is the mean of its cards, 0 for a card never seen', () => {
    const states = stateMap([
      cardState('t:term', 'review', now + day, { stability: 15, lastReviewAtMillis: now - day }),
    ]);
    const mastery = topicMastery(ids('t:term', 't:recall'), states, fsrsRecall, now, horizon);
    expect(mastery.mastery).toBeCloseTo(0.25, 5);
    expect(mastery.mastered).toBe(false);
  });

  it('is mastered once every card is at full mastery', () => {
    const strong = stateMap([
      cardState('t:term', 'review', now + 29 * day, {
        stability: 30,
        lastReviewAtMillis: now - day,
      }),
      cardState('t:recall', 'review', now + 9 * day, {
        stability: 40,
        lastReviewAtMillis: now - day,
      }),
    ]);
    const both = ids('t:term', 't:recall');
    expect(topicMastery(both, strong, fsrsRecall, now, horizon)).toEqual({
      mastery: 1,
      mastered: true,
    });
    expect(topicMastery(both, strong, fsrsRecall, now, 35).mastered).toBe(false);
    expect(
      topicMastery(ids('t:term', 't:recall', 't:quiz'), strong, fsrsRecall, now, horizon),
    ).toEqual({ mastery: 2 / 3, mastered: false });
  });

  it('is 0 and not mastered for a topic without cards', () => {
    expect(topicMastery([], new Map(), fsrsRecall, now, horizon)).toEqual({
      mastery: 0,
      mastered: false,
    });
  });
});

describe('deckMastery', () => {
  it('is the mean over topics, each topic weighing the same whatever its card count', () => {
    const states = stateMap([
      cardState('a:term', 'review', now, { stability: 30, lastReviewAtMillis: now }),
      cardState('a:recall', 'review', now, { stability: 30, lastReviewAtMillis: now }),
    ]);
    const topics = [ids('a:term', 'a:recall'), ids('b:term')];
    expect(deckMastery(topics, states, fsrsRecall, now, horizon)).toEqual({
      mastery: 0.5,
      masteredTopics: 1,
      topicCount: 2,
    });
    expect(deckMastery([], states, fsrsRecall, now, horizon)).toEqual({
      mastery: 0,
      masteredTopics: 0,
      topicCount: 0,
    });
  });
});

describe('deckMasteryInSlices', () => {
  const states = stateMap([
    cardState('a:term', 'review', now, { stability: 30, lastReviewAtMillis: now }),
    cardState('b:term', 'review', now, { stability: 15, lastReviewAtMillis: now - 5 * day }),
  ]);
  const topics = [ids('a:term'), ids('b:term', 'b:recall'), ids('c:term')];

  it('gives what deckMastery gives, going on in a new task each time a slice is spent', async () => {
    let tasks = 0;
    // A slice of no time is spent at once: each topic is followed by a new task.
    const slices = taskSlices(async () => {
      tasks += 1;
    }, 0);
    await expect(
      deckMasteryInSlices(topics, states, fsrsRecall, now, horizon, slices),
    ).resolves.toEqual(deckMastery(topics, states, fsrsRecall, now, horizon));
    expect(tasks).toBe(topics.length);
  });

  it('stops at the next task once that task refuses to start', async () => {
    const controller = new AbortController();
    let tasks = 0;
    const slices = taskSlices(async () => {
      tasks += 1;
      if (tasks === 2) controller.abort(new Error('inputs changed'));
      controller.signal.throwIfAborted();
    }, 0);
    await expect(
      deckMasteryInSlices(topics, states, fsrsRecall, now, horizon, slices),
    ).rejects.toThrow('inputs changed');
    expect(tasks).toBe(2);
  });

  it('stays in one task while its slice lasts', async () => {
    let tasks = 0;
    const slices = taskSlices(async () => {
      tasks += 1;
    }, 60_000);
    const mastery = await deckMasteryInSlices(topics, states, fsrsRecall, now, horizon, slices);
    expect(mastery.topicCount).toBe(3);
    expect(tasks).toBe(0);
  });
});
