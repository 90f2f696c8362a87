import { createEmptyCard, fsrs, type Grade, generatorParameters, get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { CardState, ProgressEvent, Rating, ReviewEvent } from '../../src/domain/progress';
import { fromFsrsCard, toFsrsCard } from '../../src/scheduler/fsrs-card';
import { createScheduler } from '../../src/scheduler/scheduler';
import { review, undo } from '../support/events';

const minute = 60_000;
const day = 24 * 60 * minute;
const card = cardId('css/box-model:term');

function reviewEvent(id: string, rating: Rating, reviewedAtMillis: number, of = card): ReviewEvent {
  return review(id, of, rating, reviewedAtMillis);
}

describe('createScheduler, fuzz off', () => {
  const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

  it("reproduces ts-fsrs's published FSRS-6 interval history", () => {
    // From ts-fsrs's own __tests__/FSRS-6.test.ts, 'ivl_history': default FSRS-6 weights, learning
    // steps 1m 10m, relearning 10m, retention 0.9, each review made the moment the card falls due.
    const ratings: Rating[] = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
    let state: CardState | undefined;
    let now = new Date(2022, 11, 29, 12, 30, 0, 0).getTime();
    const scheduledDays: number[] = [];
    for (const rating of ratings) {
      state = scheduler.review(state, card, rating, now);
      scheduledDays.push(state.scheduledDays);
      now = state.dueAtMillis;
    }
    expect(scheduledDays).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it("matches ts-fsrs's first-review figures for each button", () => {
    // Also from ts-fsrs's FSRS-6 test ('first repeat').
    const now = new Date(2022, 11, 29, 12, 30).getTime();
    const first = ([1, 2, 3, 4] as const).map((rating) =>
      scheduler.review(undefined, card, rating, now),
    );
    expect(first.map((s) => s.stability)).toEqual([0.212, 1.2931, 2.3065, 8.2956]);
    expect(first.map((s) => s.difficulty)).toEqual([6.4133, 5.11217071, 2.11810397, 1]);
    expect(first.map((s) => s.phase)).toEqual(['learning', 'learning', 'learning', 'review']);
    expect(first.map((s) => s.dueAtMillis - now)).toEqual([
      minute,
      6 * minute,
      10 * minute,
      8 * day,
    ]);
  });

  it('agrees with ts-fsrs called directly, field by field, over a mixed history', () => {
    const engine = fsrs(
      generatorParameters({
        request_retention: 0.9,
        learning_steps: ['1m', '10m'],
        relearning_steps: ['10m'],
        maximum_interval: 36500,
        enable_fuzz: false,
      }),
    );
    const ratings: Rating[] = [2, 3, 3, 4, 1, 2, 3, 3, 1, 1, 4];
    let reference = createEmptyCard(Date.UTC(2026, 0, 5, 9));
    let state: CardState | undefined;
    let now = Date.UTC(2026, 0, 5, 9);
    for (const [index, rating] of ratings.entries()) {
      reference = engine.next(reference, new Date(now), rating as Grade).card;
      state = scheduler.review(state, card, rating, now);
      expect(toFsrsCard(state)).toEqual(reference);
      // Half the time late, half early: elapsed time must not matter to the agreement.
      now = state.dueAtMillis + (index % 2 === 0 ? 3 * day : -2 * 60 * minute);
      now = Math.max(now, (state.lastReviewAtMillis ?? 0) + minute);
    }
  });

  it('previews exactly what review then does', () => {
    let state: CardState | undefined;
    let now = Date.UTC(2026, 1, 1, 8);
    for (const rating of [3, 3, 2, 1, 3] as const) {
      const preview = scheduler.preview(state, card, now);
      for (const option of [1, 2, 3, 4] as const) {
        const outcome = scheduler.review(state, card, option, now);
        expect(preview[option]).toEqual({
          dueAtMillis: outcome.dueAtMillis,
          intervalMillis: outcome.dueAtMillis - now,
        });
      }
      state = scheduler.review(state, card, rating, now);
      now = state.dueAtMillis + 3 * day;
    }
  });

  it('converts to a ts-fsrs card and back without loss', () => {
    let state = scheduler.review(undefined, card, 3, Date.UTC(2026, 2, 1));
    state = scheduler.review(state, card, 3, state.dueAtMillis);
    state = scheduler.review(state, card, 3, state.dueAtMillis + day);
    expect(fromFsrsCard(card, toFsrsCard(state), state)).toEqual(state);
  });

  it('marks the first review and the last answer given in the review phase', () => {
    const start = Date.UTC(2026, 2, 1, 9);
    const learning = scheduler.review(undefined, card, 3, start);
    expect(learning.firstReviewAtMillis).toBe(start);
    expect(learning.lastDueReviewAtMillis).toBeUndefined();
    const graduated = scheduler.review(learning, card, 3, learning.dueAtMillis);
    expect(graduated.phase).toBe('review');
    expect(graduated.lastDueReviewAtMillis).toBeUndefined();
    const reviewedAt = graduated.dueAtMillis;
    const lapsed = scheduler.review(graduated, card, 1, reviewedAt);
    expect(lapsed.phase).toBe('relearning');
    expect(lapsed.lastDueReviewAtMillis).toBe(reviewedAt);
    expect(lapsed.firstReviewAtMillis).toBe(start);
  });

  it('treats a review timed before the last one as made at the last one', () => {
    const state = scheduler.review(undefined, card, 4, Date.UTC(2026, 2, 10));
    const backwards = scheduler.review(state, card, 3, Date.UTC(2026, 2, 5));
    expect(backwards).toEqual(scheduler.review(state, card, 3, Date.UTC(2026, 2, 10)));
  });

  it('gives 0 recall for a card never seen, 90% at its stability, less later', () => {
    expect(scheduler.retrievability(undefined, Date.UTC(2026, 0, 1))).toBe(0);
    const reviewedAt = Date.UTC(2026, 0, 1);
    const state = scheduler.review(undefined, card, 4, reviewedAt);
    expect(scheduler.retrievability(state, reviewedAt)).toBe(1);
    expect(scheduler.retrievability(state, reviewedAt + state.stability * day)).toBeCloseTo(0.9, 4);
    expect(scheduler.retrievability(state, reviewedAt + 30 * day)).toBeLessThan(0.9);
  });

  it('refuses a desired retention outside 0.70-0.97', () => {
    expect(() => createScheduler({ desiredRetention: 0.5, fuzz: false })).toThrow(RangeError);
    expect(() => createScheduler({ desiredRetention: 0.99, fuzz: false })).toThrow(RangeError);
  });

  it('schedules longer intervals for a lower desired retention', () => {
    const relaxed = createScheduler({ desiredRetention: 0.7, fuzz: false });
    const now = Date.UTC(2026, 0, 1);
    expect(relaxed.review(undefined, card, 4, now).scheduledDays).toBeGreaterThan(
      scheduler.review(undefined, card, 4, now).scheduledDays,
    );
  });
});

describe('replay', () => {
  const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });
  const t0 = Date.UTC(2026, 3, 1, 9);

  it('folds the reviews in time order, then id order, whatever order they arrive in', () => {
    const events = [
      reviewEvent('b', 3, t0 + 20 * minute),
      reviewEvent('c', 1, t0 + 3 * day),
      reviewEvent('a', 3, t0),
      reviewEvent('z', 2, t0 + 3 * day),
    ];
    let expected = scheduler.review(undefined, card, 3, t0);
    expected = scheduler.review(expected, card, 3, t0 + 20 * minute);
    expected = scheduler.review(expected, card, 1, t0 + 3 * day);
    expected = scheduler.review(expected, card, 2, t0 + 3 * day);
    expect(scheduler.replay(card, events)).toEqual(expected);
  });

  it('skips cancelled reviews and other cards, and is undefined when nothing counts', () => {
    const other = cardId('css/box-model:recall');
    const a = reviewEvent('a', 3, t0);
    const b = reviewEvent('b', 1, t0 + minute);
    const events: ProgressEvent[] = [
      a,
      b,
      undo('u', b, t0 + 2 * minute),
      reviewEvent('x', 4, t0 + 5 * minute, other),
    ];
    expect(scheduler.replay(card, events)).toEqual(scheduler.review(undefined, card, 3, t0));
    expect(scheduler.replay(card, [undo('u', a, t0 + minute), a])).toBeUndefined();
  });
});

describe('fuzz', () => {
  const fuzzy = createScheduler({ desiredRetention: 0.9, fuzz: true });
  const plain = createScheduler({ desiredRetention: 0.9, fuzz: false });
  const t0 = Date.UTC(2026, 0, 1, 9);

  /** A card taken through four Goods, each on its due date; returns its scheduled days. */
  function history(scheduler: typeof fuzzy, id: string): number[] {
    let state: CardState | undefined;
    let now = t0;
    const days: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      state = scheduler.review(state, cardId(id), 3, now);
      days.push(state.scheduledDays);
      now = state.dueAtMillis;
    }
    return days;
  }

  it('repeats exactly for the same card and review count', () => {
    expect(history(fuzzy, 'a:term')).toEqual(
      history(createScheduler({ desiredRetention: 0.9, fuzz: true }), 'a:term'),
    );
  });

  it('draws each card its own fuzz however reviews of other cards interleave', () => {
    const alone = history(fuzzy, 'a:term');
    let a: CardState | undefined;
    let b: CardState | undefined;
    let now = t0;
    const interleaved: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      a = fuzzy.review(a, cardId('a:term'), 3, now);
      b = fuzzy.review(b, cardId('b:term'), 3, now);
      fuzzy.preview(b, cardId('b:term'), now);
      interleaved.push(a.scheduledDays);
      now = a.dueAtMillis;
    }
    expect(interleaved).toEqual(alone);
  });

  it('spreads cards: different ids draw different intervals, within ts-fsrs fuzz range', () => {
    const base = history(plain, 'x:term');
    const histories = Array.from({ length: 20 }, (_, i) => history(fuzzy, `topic-${i}:term`));
    const thirdIntervals = new Set(histories.map((h) => h[3]));
    expect(thirdIntervals.size).toBeGreaterThan(1);
    // The second review's interval (2 days) is below fuzz's 2.5-day threshold: never fuzzed.
    for (const h of histories) expect(h[1]).toBe(base[1]);
    for (const h of histories) {
      const { min_ivl, max_ivl } = get_fuzz_range(base[2] ?? 0, base[1] ?? 0, 36500);
      expect(h[2]).toBeGreaterThanOrEqual(min_ivl);
      expect(h[2]).toBeLessThanOrEqual(max_ivl);
    }
  });
});
