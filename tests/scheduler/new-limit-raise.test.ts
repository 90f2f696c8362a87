import { describe, expect, it } from 'vitest';
import { extraNewCardsToday } from '../../src/scheduler/new-limit-raise';
import { raiseNewLimit } from '../../src/scheduler/raise-new-limit';
import { inTimeZone } from '../support/time-zone';

inTimeZone('UTC');
const now = Date.UTC(2026, 4, 12, 10);

describe("a raise of today's new-card limit", () => {
  it('holds for the study day it was made on, and raises that day add up', () => {
    const first = raiseNewLimit(undefined, 10, 4, now);
    expect(first).toEqual({ day: '2026-05-12', extraNewCards: 10 });
    const saved: unknown = JSON.parse(JSON.stringify(raiseNewLimit(first, 5, 4, now)));
    expect(extraNewCardsToday(saved, 4, now)).toBe(15);
    // 03:59 the next morning is the same study day; 04:00 starts the next one.
    expect(extraNewCardsToday(saved, 4, Date.UTC(2026, 4, 13, 3, 59))).toBe(15);
    expect(extraNewCardsToday(saved, 4, Date.UTC(2026, 4, 13, 4))).toBe(0);
    expect(raiseNewLimit(saved, 3, 4, Date.UTC(2026, 4, 13, 4))).toEqual({
      day: '2026-05-13',
      extraNewCards: 3,
    });
  });

  it('is none when what was kept is not a raise', () => {
    for (const saved of [
      undefined,
      null,
      'ten',
      { day: '2026-05-12' },
      { day: '2026-05-12', extraNewCards: -2 },
      { day: '2026-05-12', extraNewCards: 1.5 },
    ]) {
      expect(extraNewCardsToday(saved, 4, now)).toBe(0);
    }
  });
});
