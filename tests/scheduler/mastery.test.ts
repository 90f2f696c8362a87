import { describe, expect, it } from 'vitest';
import { deckMastery, topicMastery } from '../../src/scheduler/mastery';
import { createScheduler } from '../../src/scheduler/scheduler';
import { cardState, ids, stateMap } from './card-states';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

describe('topicMastery', () => {
  it('is the mean recall probability, 0 for a card never seen', () => {
    // Reviewed exactly one stability ago: recall 0.9 by FSRS's definition of stability.
    const states = stateMap([
      cardState('t:term', 'review', now, { stability: 10, lastReviewAtMillis: now - 10 * day }),
    ]);
    const mastery = topicMastery(ids('t:term', 't:recall'), states, scheduler, now);
    expect(mastery.recall).toBeCloseTo(0.45, 3);
    expect(mastery.mastered).toBe(false);
  });

  it('is mastered once every card has a stability of 21 days or more', () => {
    const strong = stateMap([
      cardState('t:term', 'review', now + 9 * day, {
        stability: 21,
        lastReviewAtMillis: now - day,
      }),
      cardState('t:recall', 'review', now + 9 * day, {
        stability: 40,
        lastReviewAtMillis: now - day,
      }),
    ]);
    expect(topicMastery(ids('t:term', 't:recall'), strong, scheduler, now).mastered).toBe(true);
    const almost = stateMap([
      cardState('t:term', 'review', now + 9 * day, {
        stability: 20.9,
        lastReviewAtMillis: now - day,
      }),
      cardState('t:recall', 'review', now + 9 * day, {
        stability: 40,
        lastReviewAtMillis: now - day,
      }),
    ]);
    expect(topicMastery(ids('t:term', 't:recall'), almost, scheduler, now).mastered).toBe(false);
    expect(topicMastery(ids('t:term', 't:recall', 't:quiz'), strong, scheduler, now).mastered).toBe(
      false,
    );
  });

  it('is 0 and not mastered for a topic without cards', () => {
    expect(topicMastery([], new Map(), scheduler, now)).toEqual({ recall: 0, mastered: false });
  });
});

describe('deckMastery', () => {
  it('is the mean over topics, each topic weighing the same whatever its card count', () => {
    const states = stateMap([
      cardState('a:term', 'review', now, { stability: 30, lastReviewAtMillis: now }),
      cardState('a:recall', 'review', now, { stability: 30, lastReviewAtMillis: now }),
    ]);
    const deck = deckMastery([ids('a:term', 'a:recall'), ids('b:term')], states, scheduler, now);
    expect(deck).toEqual({ recall: 0.5, masteredTopics: 1, topicCount: 2 });
    expect(deckMastery([], states, scheduler, now)).toEqual({
      recall: 0,
      masteredTopics: 0,
      topicCount: 0,
    });
  });
});
