import { describe, expect, it } from 'vitest';
import type { CardControls } from '../../src/domain/card-controls';
import { cardId } from '../../src/domain/ids';
import { flaggedCards } from '../../src/scheduler/flagged-cards';
import { forgottenTodayCards } from '../../src/scheduler/forgotten-today-cards';
import { missedCards } from '../../src/scheduler/missed-cards';
import { reviewAheadCards } from '../../src/scheduler/review-ahead-cards';
import { review, undo } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, stateMap } from './card-states';

const hour = 3_600_000;
const day = 24 * hour;
inTimeZone('UTC');
// 10:00 UTC; the study day runs from 04:00 to 04:00.
const now = Date.UTC(2026, 4, 12, 10);
const todayStart = Date.UTC(2026, 4, 12, 4);
const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall', 'c:term');

describe('review ahead', () => {
  const states = stateMap([
    cardState('a:term', 'review', todayStart + 2 * day + hour), // due the day after tomorrow
    cardState('a:recall', 'review', todayStart + day), // due tomorrow, from the day's start
    cardState('b:term', 'review', now - hour), // due today: the day's own queue has it
    cardState('b:recall', 'learning', todayStart + day + hour), // not a review card
    cardState('c:term', 'review', todayStart + 3 * day), // three days ahead
    cardState('elsewhere:term', 'review', todayStart + day), // not in this deck
  ]);

  it('takes the review cards due in the next N study days, earliest first', () => {
    expect(reviewAheadCards(deck, states, 1, 4, now)).toEqual(ids('a:recall'));
    expect(reviewAheadCards(deck, states, 2, 4, now)).toEqual(ids('a:recall', 'a:term'));
    expect(reviewAheadCards(deck, states, 3, 4, now)).toEqual(ids('a:recall', 'a:term', 'c:term'));
  });

  it('counts days from the study day it is, before 04:00 the day before', () => {
    const lateNight = Date.UTC(2026, 4, 13, 3);
    expect(reviewAheadCards(deck, states, 1, 4, lateNight)).toEqual(ids('a:recall'));
  });
});

describe('the cards forgotten today', () => {
  it('are those answered Again since the study day began, undone answers apart, in deck order', () => {
    const undone = review('r4', cardId('c:term'), 1, now - hour);
    const events = [
      review('r1', cardId('b:term'), 1, now - 2 * hour),
      review('r2', cardId('a:term'), 1, now - hour),
      review('r3', cardId('a:term'), 3, now - hour / 2), // recalled since: still forgotten today
      undone,
      undo('u4', undone, now - hour / 2),
      review('r5', cardId('a:recall'), 1, todayStart - hour), // yesterday's study day
      review('r6', cardId('b:recall'), 3, now - hour),
      review('r7', cardId('elsewhere:term'), 1, now - hour),
    ];
    expect(forgottenTodayCards(deck, events, 4, now)).toEqual(ids('a:term', 'b:term'));
  });
});

describe('the missed cards', () => {
  it('are those answered Again in the last N days, lapses among them, in deck order', () => {
    const events = [
      review('r1', cardId('c:term'), 1, now - 2 * day + hour),
      review('r2', cardId('a:recall'), 1, now - 6 * day),
      review('r3', cardId('b:term'), 2, now - hour),
      review('r4', cardId('a:term'), 1, now - hour),
    ];
    expect(missedCards(deck, events, 1, now)).toEqual(ids('a:term'));
    expect(missedCards(deck, events, 2, now)).toEqual(ids('a:term', 'c:term'));
    expect(missedCards(deck, events, 7, now)).toEqual(ids('a:term', 'a:recall', 'c:term'));
  });
});

describe('the flagged cards', () => {
  it('are those with a flag of any colour, in deck order', () => {
    const controls = new Map(
      (
        [
          { cardId: cardId('c:term'), suspended: false, flag: 4, leech: false },
          { cardId: cardId('a:recall'), suspended: false, flag: 1, leech: false },
          { cardId: cardId('b:term'), suspended: true, leech: true },
          { cardId: cardId('elsewhere:term'), suspended: false, flag: 2, leech: false },
        ] satisfies CardControls[]
      ).map((control) => [control.cardId, control] as const),
    );
    expect(flaggedCards(deck, controls)).toEqual(ids('a:recall', 'c:term'));
  });
});
