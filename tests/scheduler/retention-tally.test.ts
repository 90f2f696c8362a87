import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { ProgressEvent, Rating } from '../../src/domain/progress';
import { retentionByDay, retentionDeltasBetween } from '../../src/scheduler/retention-tally';
import { createScheduler } from '../../src/scheduler/scheduler';
import { action, review, undo } from '../support/events';
import { inTimeZone } from '../support/time-zone';

const minute = 60_000;
const day = 86_400_000;
const t0 = Date.UTC(2026, 4, 1, 9);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });
const a = cardId('a');
const b = cardId('b');

const reviewAt = (id: string, card: typeof a, rating: Rating, atMillis: number) =>
  review(id, card, rating, t0 + atMillis);

const undone = reviewAt('b4', b, 1, 4 * day);
// Learning steps are 1m 10m: Good on a new card goes to the 10-minute step, a second Good
// graduates it. Again on a review card sends it to relearning; Good there brings it back.
const log: ProgressEvent[] = [
  reviewAt('a1', a, 3, 0), // new
  reviewAt('a2', a, 3, 10 * minute), // learning
  reviewAt('b1', b, 3, minute),
  reviewAt('b2', b, 3, 11 * minute),
  reviewAt('a3', a, 1, 5 * day), // review: counted, lapsed
  reviewAt('a4', a, 3, 5 * day + 10 * minute), // relearning
  reviewAt('b3', b, 3, 3 * day), // review: counted, retained
  undone,
  undo('u1', undone, t0 + 4 * day),
  reviewAt('b5', b, 2, 6 * day), // review: counted, Hard is retained
  reviewAt('a5', a, 3, 10 * day), // review: counted, retained
];

describe("a card's replay", () => {
  it('gives each review that counts the phase its card was in before it, undone ones left out', () => {
    const phases = (card: typeof a) =>
      scheduler.replayCard(card, log, 8).reviews.map((entry) => [entry.id, entry.phaseBefore]);
    expect(phases(a)).toEqual([
      ['a1', 'new'],
      ['a2', 'learning'],
      ['a3', 'review'],
      ['a4', 'relearning'],
      ['a5', 'review'],
    ]);
    expect(phases(b)).toEqual([
      ['b1', 'new'],
      ['b2', 'learning'],
      ['b3', 'review'],
      ['b5', 'review'],
    ]);
  });

  it('starts a reset card as new again, and takes a mark as known for an answer', () => {
    const reset = [...log, action('x', a, 'reset', t0 + 11 * day), reviewAt('a6', a, 3, 12 * day)];
    expect(scheduler.replayCard(a, reset, 8).reviews.at(-1)?.phaseBefore).toBe('new');
    const known = [action('k', a, 'known', t0), reviewAt('a7', a, 3, 5 * day)];
    expect(scheduler.replayCard(a, known, 8).reviews).toEqual([
      expect.objectContaining({ id: 'a7', phaseBefore: 'review' }),
    ]);
  });
});

describe('retentionByDay', () => {
  inTimeZone('UTC');

  it("tallies each day's review-phase answers and those not rated Again", () => {
    const reviews = [a, b].flatMap((card) => scheduler.replayCard(card, log, 8).reviews);
    expect(retentionByDay(reviews, 0)).toEqual(
      new Map([
        ['2026-05-04', { answers: 1, retained: 1 }], // b3
        ['2026-05-06', { answers: 1, retained: 0 }], // a3
        ['2026-05-07', { answers: 1, retained: 1 }], // b5
        ['2026-05-11', { answers: 1, retained: 1 }], // a5
      ]),
    );
  });
});

describe('retentionDeltasBetween', () => {
  inTimeZone('UTC');
  const replayed = (events: ProgressEvent[]) => scheduler.replayCard(a, events, 8).reviews;
  const graduated = log.filter((event) => event.cardId === a && event.id !== 'a5');

  it('adds a new review-phase answer to its day, and moves the answers an undo changes', () => {
    const reviewed = [...graduated, reviewAt('a5', a, 3, 10 * day)];
    expect(retentionDeltasBetween(replayed(graduated), replayed(reviewed), 0)).toEqual(
      new Map([['2026-05-11', { answers: 1, retained: 1 }]]),
    );
    // Undoing the lapse a3 takes its answer off, and makes a4, no longer a relearning step, a
    // review answer not rated Again.
    const lapse = reviewAt('a3', a, 1, 5 * day);
    const undoneLapse = [...graduated, undo('u', lapse, t0 + 6 * day)];
    expect(retentionDeltasBetween(replayed(graduated), replayed(undoneLapse), 0)).toEqual(
      new Map([['2026-05-06', { answers: 0, retained: 1 }]]),
    );
  });

  it('moves a later review whose phase an older merged review changed', () => {
    // An Easy answer merged from two days before graduates the card at once: a1 and a2, a new
    // card's and a learning step before, become review answers.
    const merged = [reviewAt('m', a, 4, -2 * day), ...graduated];
    const deltas = retentionDeltasBetween(replayed(graduated), replayed(merged), 0);
    expect(deltas.get('2026-05-01')).toEqual({ answers: 2, retained: 2 });
  });

  it('lists nothing when no tally moves', () => {
    const flagged = [...graduated, action('s', a, 'suspend', t0 + 6 * day)];
    expect(retentionDeltasBetween(replayed(graduated), replayed(flagged), 0)).toEqual(new Map());
  });
});
