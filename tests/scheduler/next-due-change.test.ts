import { beforeAll, describe, expect, it } from 'vitest';
import { nextDueChangeMillis } from '../../src/scheduler/next-due-change';
import { inTimeZone } from '../support/time-zone';
import { cardState } from './card-states';

const minute = 60_000;
const hour = 60 * minute;
inTimeZone('Europe/Berlin');

describe('the next moment what is due changes', () => {
  // Local times are read once the time zone is set.
  let lateEvening = 0;
  let nextDayStart = 0;
  beforeAll(() => {
    lateEvening = new Date(2026, 0, 15, 23, 30).getTime();
    nextDayStart = new Date(2026, 0, 16, 4, 0).getTime();
  });

  it('is the next study day’s start when nothing is learning', () => {
    expect(nextDueChangeMillis([], 4, lateEvening)).toBe(nextDayStart);
    expect(
      nextDueChangeMillis([cardState('a', 'review', lateEvening + 48 * hour)], 4, lateEvening),
    ).toBe(nextDayStart);
  });

  it('follows the day-start setting', () => {
    expect(nextDueChangeMillis([], 0, lateEvening)).toBe(new Date(2026, 0, 16, 0, 0).getTime());
  });

  it('is just after midnight when that is still the previous study day', () => {
    const pastMidnight = new Date(2026, 0, 16, 1, 0).getTime();
    expect(nextDueChangeMillis([], 4, pastMidnight)).toBe(nextDayStart);
  });

  it('is the earliest learning or relearning card coming due before then', () => {
    const states = [
      cardState('learning-later', 'learning', lateEvening + 10 * minute),
      cardState('relearning-soon', 'relearning', lateEvening + 5 * minute),
      cardState('review-soon', 'review', lateEvening + 1 * minute),
    ];
    expect(nextDueChangeMillis(states, 4, lateEvening)).toBe(lateEvening + 5 * minute);
  });

  it('skips learning cards already due, and those due after the day starts', () => {
    const states = [
      cardState('overdue', 'learning', lateEvening - minute),
      cardState('due-now', 'learning', lateEvening),
      cardState('tomorrow', 'learning', nextDayStart + hour),
    ];
    expect(nextDueChangeMillis(states, 4, lateEvening)).toBe(nextDayStart);
  });
});
