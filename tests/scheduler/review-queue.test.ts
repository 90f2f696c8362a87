import { describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import { type CardState, defaultSettings } from '../../src/domain/progress';
import { buildReviewQueue } from '../../src/scheduler/build-review-queue';
import { deckCounts, studiedToday } from '../../src/scheduler/deck-counts';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, stateMap } from './card-states';
import { seededRandom } from './seeded-random';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
inTimeZone('UTC');

// 10:00 UTC; with TZ=UTC and days starting at 04:00, today runs 04:00 to 04:00 tomorrow.
const now = Date.UTC(2026, 4, 12, 10);
const settings = {
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  siblingsWait: false,
  learnAheadMinutes: 0,
};
const nothingToday = { newIntroduced: 0, reviewsDone: 0 };

describe('buildReviewQueue', () => {
  it('puts due learning cards first, then due reviews, then new cards in deck order', () => {
    const states = stateMap([
      cardState('review-late', 'review', now - 3 * day),
      cardState('learn-later', 'learning', now - 1 * minute),
      cardState('review-early', 'review', now - 10 * day),
      cardState('relearn-first', 'relearning', now - 5 * minute),
      cardState('learn-not-yet', 'learning', now + 5 * minute),
      cardState('review-tonight', 'review', now + 8 * hour),
      cardState('review-tomorrow', 'review', now + 19 * hour),
    ]);
    const deck = ids(
      'new-b',
      'review-late',
      'learn-later',
      'new-a',
      'review-early',
      'relearn-first',
      'learn-not-yet',
      'review-tonight',
      'review-tomorrow',
      'new-c',
    );
    expect(buildReviewQueue(deck, states, nothingToday, settings, now)).toEqual(
      ids(
        'relearn-first',
        'learn-later',
        'review-early',
        'review-late',
        // Due at 18:00 today: review cards are due for their whole study day.
        'review-tonight',
        'new-b',
        'new-a',
        'new-c',
      ),
    );
  });

  it('introduces what is left of the new-card limit, in deck order', () => {
    const deck = Array.from({ length: 50 }, (_, i) => cardId(`new-${i}`));
    const queue = buildReviewQueue(
      deck,
      new Map(),
      { newIntroduced: 15, reviewsDone: 0 },
      settings,
      now,
    );
    expect(queue).toEqual(deck.slice(0, 5));
    expect(
      buildReviewQueue(deck, new Map(), { newIntroduced: 25, reviewsDone: 0 }, settings, now),
    ).toEqual([]);
  });

  it('shows at most what is left of the review limit, the most overdue first; learning has no limit', () => {
    const reviews = Array.from({ length: 300 }, (_, i) =>
      cardState(`r${i}`, 'review', now - (i + 1) * hour),
    );
    const learning = Array.from({ length: 30 }, (_, i) =>
      cardState(`l${i}`, 'learning', now - i * minute),
    );
    const deck = [...reviews, ...learning].map((s) => s.cardId);
    const queue = buildReviewQueue(
      deck,
      stateMap([...reviews, ...learning]),
      { newIntroduced: 0, reviewsDone: 190 },
      settings,
      now,
    );
    expect(queue).toHaveLength(30 + 10);
    expect(queue.slice(30)).toEqual(
      ids('r299', 'r298', 'r297', 'r296', 'r295', 'r294', 'r293', 'r292', 'r291', 'r290'),
    );
  });

  it('picks the same reviews as a full sort would, ties in deck order', () => {
    const random = seededRandom(7);
    const states: CardState[] = Array.from({ length: 5000 }, (_, i) =>
      cardState(`c${i}`, 'review', now - Math.floor(random() * 50) * hour),
    );
    const deck = states.map((s) => s.cardId);
    const expected = states
      .map((state, position) => ({ state, position }))
      .sort((a, b) => a.state.dueAtMillis - b.state.dueAtMillis || a.position - b.position)
      .slice(0, 200)
      .map(({ state }) => state.cardId);
    expect(buildReviewQueue(deck, stateMap(states), nothingToday, settings, now)).toEqual(expected);
  });
});

describe('deckCounts', () => {
  it('counts never-reviewed cards, learning cards, and cards due now', () => {
    const states = stateMap([
      cardState('learn-due', 'learning', now - minute),
      cardState('learn-later', 'relearning', now + 5 * minute),
      cardState('review-due', 'review', now - day),
      cardState('review-tonight', 'review', now + 8 * hour),
      cardState('review-later', 'review', now + 3 * day),
    ]);
    const deck = ids(
      'learn-due',
      'learn-later',
      'review-due',
      'review-tonight',
      'review-later',
      'n1',
      'n2',
    );
    expect(deckCounts(deck, states, 4, now)).toEqual({ new: 2, learning: 2, due: 3 });
  });

  it('counts new cards before the daily limit applies', () => {
    const deck = Array.from({ length: 45 }, (_, i) => cardId(`n${i}`));
    expect(deckCounts(deck, new Map(), 4, now).new).toBe(45);
  });
});

describe('studiedToday', () => {
  it("counts cards first reviewed today and review answers since today's 04:00", () => {
    const todayStart = Date.UTC(2026, 4, 12, 4);
    const states = stateMap([
      cardState('introduced-today', 'learning', now + minute, {
        firstReviewAtMillis: todayStart + hour,
      }),
      cardState('introduced-last-night', 'learning', now + minute, {
        firstReviewAtMillis: todayStart - minute,
      }),
      cardState('reviewed-today', 'review', now + 3 * day, { lastDueReviewAtMillis: todayStart }),
      cardState('reviewed-yesterday', 'review', now + 3 * day, {
        lastDueReviewAtMillis: todayStart - 1,
      }),
      cardState('other-deck', 'review', now + 3 * day, { lastDueReviewAtMillis: now }),
    ]);
    const deck: CardId[] = ids(
      'introduced-today',
      'introduced-last-night',
      'reviewed-today',
      'reviewed-yesterday',
    );
    expect(studiedToday(deck, states, 4, now)).toEqual({ newIntroduced: 1, reviewsDone: 1 });
    expect(studiedToday(deck, states, defaultSettings.dayStartHour, now + day)).toEqual({
      newIntroduced: 0,
      reviewsDone: 0,
    });
  });
});
