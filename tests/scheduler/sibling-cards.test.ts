import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { buildReviewQueue } from '../../src/scheduler/build-review-queue';
import { awayFromSibling, topicKeyOf } from '../../src/scheduler/sibling-cards';
import { studyQueue } from '../../src/scheduler/study-queue';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, stateMap } from './card-states';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
inTimeZone('UTC');

// 10:00 UTC; the study day began at 04:00 and ends at 04:00 tomorrow.
const now = Date.UTC(2026, 4, 12, 10);
const settings = { ...defaultSettings, learnAheadMinutes: 0 };
const nothingToday = { newIntroduced: 0, reviewsDone: 0 };
const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall', 'c:term', 'c:recall');

describe('siblings wait', () => {
  it('takes one new card per topic a day, the next topic filling the place', () => {
    expect(buildReviewQueue(deck, new Map(), nothingToday, settings, now)).toEqual(
      ids('a:term', 'b:term', 'c:term'),
    );
    const twoNew = { ...settings, newPerDay: 2 };
    expect(buildReviewQueue(deck, new Map(), nothingToday, twoNew, now)).toEqual(
      ids('a:term', 'b:term'),
    );
  });

  it('holds back a new or review card whose sibling was answered today, until the next day', () => {
    const states = stateMap([
      // Answered at 09:00 today, now learning.
      cardState('a:term', 'learning', now + 5 * minute, {
        lastReviewAtMillis: now - hour,
        firstReviewAtMillis: now - hour,
      }),
      // A review due today whose quiz card was answered in a quiz this morning.
      cardState('b:term', 'review', now - day),
      cardState('b:quiz', 'review', now + 3 * day, { lastReviewAtMillis: now - 2 * hour }),
      // Answered yesterday evening: before today's 04:00, so its sibling is free today.
      cardState('c:term', 'review', now + 5 * day, { lastReviewAtMillis: now - 14 * hour }),
    ]);
    const queue = buildReviewQueue(deck, states, nothingToday, settings, now);
    expect(queue).toEqual(ids('c:recall'));

    const tomorrow = now + day;
    expect(buildReviewQueue(deck, states, nothingToday, settings, tomorrow)).toEqual(
      ids('a:term', 'b:term', 'c:recall'),
    );
  });

  it('never holds back a learning card, even when its sibling was answered today', () => {
    const states = stateMap([
      cardState('a:term', 'relearning', now - minute, { lastReviewAtMillis: now - 11 * minute }),
      cardState('a:recall', 'review', now + 3 * day, { lastReviewAtMillis: now - 30 * minute }),
    ]);
    expect(
      buildReviewQueue(ids('a:term', 'a:recall'), states, nothingToday, settings, now),
    ).toEqual(ids('a:term'));
  });

  it('lets siblings follow each other in deck order when the setting is off', () => {
    const off = { ...settings, siblingsWait: false };
    expect(buildReviewQueue(deck, new Map(), nothingToday, off, now)).toEqual(deck);
  });

  it('drops a sibling from the session queue once its twin is answered', () => {
    const before = studyQueue([deck], new Map(), settings, now);
    expect(before).toEqual(ids('a:term', 'b:term', 'c:term'));
    const answered = stateMap([
      cardState('a:term', 'review', now + 3 * day, {
        lastReviewAtMillis: now,
        firstReviewAtMillis: now,
      }),
    ]);
    expect(studyQueue([deck], answered, settings, now + minute)).toEqual(ids('b:term', 'c:term'));
  });
});

describe('awayFromSibling', () => {
  it('brings forward the first card of another topic after a sibling', () => {
    const queue = ids('a:recall', 'a:quiz', 'b:term', 'c:term');
    expect(awayFromSibling(queue, cardId('a:term'))).toEqual(
      ids('b:term', 'a:recall', 'a:quiz', 'c:term'),
    );
    expect(awayFromSibling(queue, cardId('c:recall'))).toEqual(queue);
    expect(awayFromSibling(queue, undefined)).toEqual(queue);
  });

  it('keeps the queue when only siblings are left', () => {
    expect(awayFromSibling(ids('a:recall'), cardId('a:term'))).toEqual(ids('a:recall'));
  });

  it('finds the topic of an id whose topic holds colons of its own', () => {
    expect(topicKeyOf(cardId('deck/x:y:term'))).toBe('deck/x:y');
  });
});
