import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { CardState, ProgressEvent, Rating } from '../../src/domain/progress';
import { effectiveReviews } from '../../src/scheduler/effective-reviews';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import { review, undo } from '../support/events';
import { pick, seededRandom } from './seeded-random';

const minute = 60_000;
const day = 24 * 60 * minute;

/** A random study history of one card: reviews at plausible moments, and undos of any live review. */
function* randomHistory(random: () => number, seed: number) {
  const id = cardId(`topic-${seed}:term`);
  let now = Date.UTC(2026, 0, 1) + Math.floor(random() * day);
  const length = 1 + Math.floor(random() * 30);
  for (let step = 0; step < length; step += 1) {
    const undoing = random() < 0.25;
    // Late, on time, early, or minutes later (a learning step): all elapsed-time paths of FSRS.
    now +=
      pick(random, [minute, 10 * minute, day, 3 * day, 20 * day, 200 * day]) * (0.5 + random());
    now = Math.round(now);
    yield { id, undoing, rating: (1 + Math.floor(random() * 4)) as Rating, now, step };
  }
}

function checkSequences(scheduler: Scheduler, label: string) {
  for (let seed = 1; seed <= 300; seed += 1) {
    const random = seededRandom(seed);
    const events: ProgressEvent[] = [];
    let stored: CardState | undefined;
    for (const { id, undoing, rating, now, step } of randomHistory(random, seed)) {
      const live = effectiveReviews(events);
      if (undoing && live.length > 0) {
        // Undo appends an event; the card becomes the replay of what remains.
        events.push(undo(`u${step}`, pick(random, live), now));
        stored = scheduler.replay(id, events);
      } else {
        events.push(review(`r${step}`, id, rating, now));
        stored = scheduler.review(stored, id, rating, now);
      }
      const shuffled = [...events].sort(() => random() - 0.5);
      expect(scheduler.replay(id, shuffled), `${label}, seed ${seed}, step ${step}`).toEqual(
        stored,
      );
    }
  }
}

describe('replay equals the incrementally stored state', () => {
  it('with fuzz off', () => {
    checkSequences(createScheduler({ desiredRetention: 0.9, fuzz: false }), 'fuzz off');
  });

  it('with fuzz on (the seed is the card id and the review count)', () => {
    checkSequences(createScheduler({ desiredRetention: 0.85, fuzz: true }), 'fuzz on');
  });
});
