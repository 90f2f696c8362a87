import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { ProgressEvent } from '../../src/domain/progress';
import { recentStudyDays } from '../../src/scheduler/day-boundary';
import { createScheduler } from '../../src/scheduler/scheduler';
import { countTallies, keptRetention } from '../../src/stats/retention-from-logs';
import {
  cardsReviewedSince,
  retentionWindowDays,
  trueRetention,
} from '../../src/stats/true-retention';
import { seededRandom } from '../scheduler/seeded-random';
import { review, undo } from '../support/events';
import { inTimeZone } from '../support/time-zone';

const minute = 60_000;
const day = 86_400_000;
const t0 = Date.UTC(2026, 4, 1, 9);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

describe('trueRetention', () => {
  it("is the share of the days' review-phase answers not rated Again", () => {
    const tallies = [
      { answers: 3, retained: 2 },
      { answers: 1, retained: 1 },
    ];
    expect(trueRetention(tallies)).toEqual({ retained: 3, total: 4, rate: 0.75 });
  });

  it('has no rate without a review-phase answer', () => {
    expect(trueRetention([{ answers: 0, retained: 0 }])).toEqual({
      retained: 0,
      total: 0,
      rate: undefined,
    });
  });

  it('is not known from the stored tallies while one day has none', () => {
    const tallies = new Map([
      ['2026-05-01', { answers: 2, retained: 1 }],
      ['2026-05-02', undefined],
    ]);
    expect(keptRetention(tallies)).toBe(undefined);
    tallies.set('2026-05-02', { answers: 2, retained: 2 });
    expect(keptRetention(tallies)).toEqual({ retained: 3, total: 4, rate: 0.75 });
  });
});

describe('counting tallies from the logs', () => {
  inTimeZone('UTC');

  it("reads only the cards reviewed in the window, and gets every window day's tally right", () => {
    // Fifty cards reviewed at random over 120 days, some reviews undone.
    const random = seededRandom(7);
    const events: ProgressEvent[] = [];
    for (let card = 0; card < 50; card++) {
      let at = Math.floor(random() * 60) * day;
      for (let index = 0; index < 6; index++) {
        at += Math.floor(random() * 20 * day) + minute;
        const id = `c${card}-${index}`;
        const rating = ([1, 2, 3, 3, 4] as const)[Math.floor(random() * 5)] ?? 3;
        const reviewed = review(id, cardId(`card-${card}`), rating, t0 + at);
        events.push(reviewed);
        if (random() < 0.1) events.push(undo(`u-${id}`, reviewed, t0 + at + minute));
      }
    }
    const cards = [...new Set(events.map((event) => event.cardId))];
    const states = cards.flatMap((id) => scheduler.replay(id, events) ?? []);
    const { dayKeys, startMillis } = recentStudyDays(t0 + 130 * day, 0, retentionWindowDays);

    const recent = new Set(cardsReviewedSince(states, startMillis));
    expect(recent.size).toBeGreaterThan(0);
    expect(recent.size).toBeLessThan(50);
    const windowed = events.filter((event) => recent.has(event.cardId));
    const fromWindow = countTallies(windowed, scheduler, dayKeys, 0);
    expect(trueRetention(fromWindow.values()).total).toBeGreaterThan(5);
    expect(fromWindow).toEqual(countTallies(events, scheduler, dayKeys, 0));
  });
});
