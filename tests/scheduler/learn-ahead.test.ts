import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/domain/progress';
import { nextDueChangeMillis } from '../../src/scheduler/next-due-change';
import { comeBackAtMillis, firstDeckToStudy, studyQueue } from '../../src/scheduler/study-queue';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, stateMap } from './card-states';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
inTimeZone('UTC');

// 10:00 UTC; the study day began at 04:00 and the next starts at 04:00 tomorrow.
const now = Date.UTC(2026, 4, 12, 10);
const tomorrowStart = Date.UTC(2026, 4, 13, 4);
const settings = defaultSettings;

describe('learn ahead', () => {
  const learning = stateMap([
    cardState('a:term', 'learning', now + 10 * minute, { lastReviewAtMillis: now }),
    cardState('b:term', 'relearning', now + 1 * minute, { lastReviewAtMillis: now }),
    cardState('c:term', 'learning', now + 25 * minute, { lastReviewAtMillis: now }),
    cardState('d:term', 'review', now + 3 * day),
  ]);
  const deck = ids('a:term', 'b:term', 'c:term', 'd:term');

  it('shows learning cards due within the limit at once when nothing else is due', () => {
    expect(studyQueue([deck], learning, settings, now)).toEqual(ids('b:term', 'a:term'));
    expect(studyQueue([deck], learning, { ...settings, learnAheadMinutes: 30 }, now)).toEqual(
      ids('b:term', 'a:term', 'c:term'),
    );
    expect(studyQueue([deck], learning, { ...settings, learnAheadMinutes: 0 }, now)).toEqual([]);
  });

  it('waits while anything else is due', () => {
    const withNew = [...deck, ...ids('e:term')];
    expect(studyQueue([withNew], learning, settings, now)).toEqual(ids('e:term'));
  });

  it('says to come back when the next learning card comes within the limit', () => {
    const later = stateMap([
      cardState('c:term', 'learning', now + 50 * minute, { lastReviewAtMillis: now }),
      cardState('d:term', 'review', now + 3 * day),
    ]);
    const cards = ids('c:term', 'd:term');
    expect(studyQueue([cards], later, settings, now)).toEqual([]);
    expect(comeBackAtMillis([cards], later, settings, now)).toBe(now + 30 * minute);
    // The study page's clock wakes at the same moment.
    expect(nextDueChangeMillis(later.values(), 4, now, 20 * minute)).toBe(now + 30 * minute);
  });

  it('says tomorrow for a card held back today by its sibling or the daily limit', () => {
    const heldBack = stateMap([
      cardState('a:term', 'review', now + 5 * day, { lastReviewAtMillis: now - hour }),
      cardState('a:recall', 'review', now - day),
    ]);
    const cards = ids('a:term', 'a:recall');
    expect(studyQueue([cards], heldBack, settings, now)).toEqual([]);
    expect(comeBackAtMillis([cards], heldBack, settings, now)).toBe(tomorrowStart);
    expect(comeBackAtMillis([[]], new Map(), settings, now)).toBeUndefined();
  });

  it('offers the first other deck with a card to study', () => {
    const done = { id: 'done', studyCardIds: ids('d:term') };
    const fresh = { id: 'fresh', studyCardIds: ids('f:term') };
    expect(firstDeckToStudy([done, fresh], learning, settings, now)).toBe(fresh);
    expect(firstDeckToStudy([done], learning, settings, now)).toBeUndefined();
  });
});
