import { describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import type { CardState, ProgressEvent, Rating } from '../../src/domain/progress';
import { createScheduler } from '../../src/scheduler/scheduler';
import {
  cardsReviewedSince,
  type PhasedReview,
  phasedReviews,
  trueRetention,
} from '../../src/stats/true-retention';
import { seededRandom } from '../scheduler/seeded-random';
import { review, undo } from '../support/events';

const minute = 60_000;
const day = 86_400_000;
const t0 = Date.UTC(2026, 4, 1, 9);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

/** A study review `atMillis` after t0. */
const reviewAt = (id: string, card: string, rating: Rating, atMillis: number) =>
  review(id, cardId(card), rating, t0 + atMillis);

const undone = reviewAt('b4', 'b', 1, 4 * day); // undone in the log below
// Learning steps are 1m 10m: Good on a new card goes to the 10-minute step, a second Good
// graduates it. Again on a review card sends it to relearning; Good there brings it back.
const log: ProgressEvent[] = [
  reviewAt('a1', 'a', 3, 0), // new
  reviewAt('a2', 'a', 3, 10 * minute), // learning
  reviewAt('b1', 'b', 3, minute),
  reviewAt('b2', 'b', 3, 11 * minute),
  reviewAt('a3', 'a', 1, 5 * day), // review: counted, lapsed
  reviewAt('a4', 'a', 3, 5 * day + 10 * minute), // relearning
  reviewAt('b3', 'b', 3, 3 * day), // review: counted, retained
  undone,
  undo('u1', undone, t0 + 4 * day),
  reviewAt('b5', 'b', 2, 6 * day), // review: counted, Hard is retained
  reviewAt('a5', 'a', 3, 10 * day), // review: counted, retained
];

describe('phasedReviews', () => {
  it("gives each review that counts its card's phase before it, undone ones skipped", () => {
    const phases = phasedReviews(log, scheduler).map((entry) => [entry.cardId, entry.phaseBefore]);
    expect(phases).toEqual([
      ['a', 'new'],
      ['b', 'new'],
      ['a', 'learning'],
      ['b', 'learning'],
      ['b', 'review'],
      ['a', 'review'],
      ['a', 'relearning'],
      ['b', 'review'],
      ['a', 'review'],
    ]);
  });

  it('starts from the states given when the events are only a window', () => {
    const window = log.filter(
      (event) => event.kind !== 'review' || event.reviewedAtMillis >= t0 + day,
    );
    const states = new Map<CardId, CardState>();
    for (const id of ['a', 'b']) {
      const early = log.filter(
        (event) => event.kind === 'review' && event.reviewedAtMillis < t0 + day,
      );
      const state = scheduler.replay(cardId(id), early);
      if (state) states.set(cardId(id), state);
    }
    const fromStates = phasedReviews(window, scheduler, states);
    expect(fromStates.map((entry) => entry.phaseBefore)).toEqual([
      'review',
      'review',
      'relearning',
      'review',
      'review',
    ]);
    // Without them each card's first review in the window looks new.
    expect(phasedReviews(window, scheduler)[0]?.phaseBefore).toBe('new');
  });
});

describe('trueRetention', () => {
  const phased = phasedReviews(log, scheduler);

  it('is the share of review-phase answers not rated Again', () => {
    expect(trueRetention(phased, t0 + 10 * day + minute)).toEqual({
      retained: 3,
      total: 4,
      rate: 0.75,
    });
  });

  it('looks back only the days asked for', () => {
    // Six days back from day 10 + 1 minute starts at day 4 + 1 minute: b3 (day 3) falls out.
    expect(trueRetention(phased, t0 + 10 * day + minute, 6)).toEqual({
      retained: 2,
      total: 3,
      rate: 2 / 3,
    });
    // Reviews after now do not count either.
    expect(trueRetention(phased, t0 + 5 * day + minute)).toEqual({
      retained: 1,
      total: 2,
      rate: 0.5,
    });
  });

  it('has no rate without a review-phase answer', () => {
    const learningOnly: PhasedReview[] = [
      { cardId: cardId('c'), rating: 3, reviewedAtMillis: t0, phaseBefore: 'learning' },
      { cardId: cardId('c'), rating: 3, reviewedAtMillis: t0, phaseBefore: 'new' },
    ];
    expect(trueRetention(learningOnly, t0 + minute)).toEqual({
      retained: 0,
      total: 0,
      rate: undefined,
    });
  });
});

describe('cardsReviewedSince', () => {
  it('finds exactly the cards whose logs hold a review in the window, so reading only them gives the same retention', () => {
    // Fifty cards reviewed at random over 120 days, some reviews undone.
    const random = seededRandom(7);
    const events: ProgressEvent[] = [];
    for (let card = 0; card < 50; card++) {
      let at = Math.floor(random() * 60) * day;
      for (let index = 0; index < 6; index++) {
        at += Math.floor(random() * 20 * day) + minute;
        const id = `c${card}-${index}`;
        const rating = ([1, 2, 3, 3, 4] as const)[Math.floor(random() * 5)] ?? 3;
        const reviewed = reviewAt(id, `card-${card}`, rating, at);
        events.push(reviewed);
        if (random() < 0.1) events.push(undo(`u-${id}`, reviewed, t0 + at + minute));
      }
    }
    const cards = [...new Set(events.map((event) => event.cardId))];
    const states = cards.flatMap((id) => scheduler.replay(id, events) ?? []);
    const now = t0 + 130 * day;

    const recent = new Set(cardsReviewedSince(states, now));
    expect(recent.size).toBeGreaterThan(0);
    expect(recent.size).toBeLessThan(50);
    const windowed = events.filter((event) => recent.has(event.cardId));
    expect(trueRetention(phasedReviews(windowed, scheduler), now)).toEqual(
      trueRetention(phasedReviews(events, scheduler), now),
    );
  });
});
