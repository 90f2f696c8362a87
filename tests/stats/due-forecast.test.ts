import { expect, it } from 'vitest';
import { dueForecast, forecastRows } from '../../src/stats/due-forecast';
import { cardState } from '../scheduler/card-states';
import { describeInTimeZone } from '../support/time-zone';

const utc = (iso: string) => Date.parse(iso);

describeInTimeZone('UTC', () => {
  // Today's study day runs from 04:00 on 1 June to 04:00 on 2 June.
  const now = utc('2026-06-01T10:00:00Z');
  const states = [
    cardState('overdue', 'review', utc('2026-05-20T08:00:00Z')),
    cardState('learning-later-today', 'learning', utc('2026-06-01T11:00:00Z')),
    cardState('before-cutoff', 'review', utc('2026-06-02T03:59:59Z')),
    cardState('at-cutoff', 'review', utc('2026-06-02T04:00:00Z')),
    cardState('day-nine', 'relearning', utc('2026-06-10T12:00:00Z')),
    cardState('last-day', 'review', utc('2026-07-01T03:00:00Z')),
    cardState('past-horizon', 'review', utc('2026-07-11T12:00:00Z')),
    cardState('never-seen', 'new', utc('2026-06-01T00:00:00Z')),
  ];

  it('counts the cards due on each of the next 30 study days, overdue ones today', () => {
    const forecast = dueForecast(states, now, 4);
    expect(forecast.days).toHaveLength(30);
    const nonZero = forecast.days.filter((day) => day.count > 0);
    expect(nonZero).toEqual([
      { dayOffset: 0, dayKey: '2026-06-01', count: 3 },
      { dayOffset: 1, dayKey: '2026-06-02', count: 1 },
      { dayOffset: 9, dayKey: '2026-06-10', count: 1 },
      { dayOffset: 29, dayKey: '2026-06-30', count: 1 },
    ]);
    expect(forecast.later).toBe(1);
  });

  it('takes the horizon asked for', () => {
    const week = dueForecast(states, now, 4, 7);
    expect(week.days.map((day) => day.count)).toEqual([3, 1, 0, 0, 0, 0, 0]);
    expect(week.later).toBe(3);
  });

  it('follows the day-start hour', () => {
    // With days starting at midnight, 03:59 on 2 June is already tomorrow.
    const forecast = dueForecast(states, now, 0, 2);
    expect(forecast.days.map((day) => day.count)).toEqual([2, 2]);
  });

  it('words the forecast as table rows for a screen reader', () => {
    expect(forecastRows(dueForecast(states, now, 4))).toEqual([
      { label: 'Today', dayKey: '2026-06-01', count: 3 },
      { label: 'Tomorrow', dayKey: '2026-06-02', count: 1 },
      { label: '2026-06-10', dayKey: '2026-06-10', count: 1 },
      { label: '2026-06-30', dayKey: '2026-06-30', count: 1 },
      { label: 'Later', count: 1 },
    ]);
  });
});

describeInTimeZone('Europe/Berlin', () => {
  it('keeps study days whole across the spring daylight-saving change', () => {
    // Clocks go forward on 29 March 2026: that study day lasts 23 hours (04:00 CET to 04:00 CEST).
    const now = utc('2026-03-28T11:00:00Z'); // 12:00 CET
    const forecast = dueForecast(
      [
        cardState('late-on-29th', 'review', utc('2026-03-30T01:30:00Z')), // 03:30 CEST on the 30th
        cardState('early-on-30th', 'review', utc('2026-03-30T02:30:00Z')), // 04:30 CEST
      ],
      now,
      4,
      3,
    );
    expect(forecast.days).toEqual([
      { dayOffset: 0, dayKey: '2026-03-28', count: 0 },
      { dayOffset: 1, dayKey: '2026-03-29', count: 1 },
      { dayOffset: 2, dayKey: '2026-03-30', count: 1 },
    ]);
  });
});
