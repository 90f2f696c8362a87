import { describe, expect, it } from 'vitest';
import {
  dayKeyToUtcMillis,
  heatmapMonthLabels,
  heatmapMonthRows,
  reviewsPerDay,
} from '../../src/stats/review-heatmap';
import { inTimeZone } from '../support/time-zone';

const reviewsByDay = new Map([
  ['2025-06-01', 50], // the day before the window
  ['2025-06-02', 3], // its first day, a Monday
  ['2026-05-28', 4],
  ['2026-05-29', 6],
  ['2026-05-30', 1],
  ['2026-05-31', 2],
  ['2026-06-01', 8], // today, a Monday
  ['2026-06-02', 9], // tomorrow: another device's clock, say
]);

describe('reviewsPerDay', () => {
  const heatmap = reviewsPerDay(reviewsByDay, '2026-06-01');
  const cell = (key: string) => heatmap.cells.find((entry) => entry.dayKey === key);

  it('covers the 365 days up to today, oldest first, in 53 week columns', () => {
    expect(heatmap.cells).toHaveLength(365);
    expect(heatmap.cells[0]?.dayKey).toBe('2025-06-02');
    expect(heatmap.cells.at(-1)?.dayKey).toBe('2026-06-01');
    expect(heatmap.columns).toBe(53);
  });

  it('puts each day in its weekday row and week column, Sunday on top', () => {
    expect(heatmap.cells[0]).toMatchObject({ column: 0, row: 1 }); // Monday 2025-06-02
    expect(cell('2025-06-07')).toMatchObject({ column: 0, row: 6 }); // Saturday
    expect(cell('2025-06-08')).toMatchObject({ column: 1, row: 0 }); // Sunday
    expect(cell('2026-05-31')).toMatchObject({ column: 52, row: 0 });
    expect(cell('2026-06-01')).toMatchObject({ column: 52, row: 1 });
    const slots = new Set(heatmap.cells.map((entry) => `${entry.column}/${entry.row}`));
    expect(slots.size).toBe(365);
  });

  it('starts rows on the weekday asked for', () => {
    const mondayFirst = reviewsPerDay(reviewsByDay, '2026-06-01', { firstWeekday: 1 });
    expect(mondayFirst.cells[0]).toMatchObject({ column: 0, row: 0 });
    expect(mondayFirst.cells.at(-1)).toMatchObject({ column: 52, row: 0 });
    expect(mondayFirst.columns).toBe(53);
  });

  it('counts only the days in the window and grades them in quarters of the busiest', () => {
    expect(heatmap.totalCount).toBe(24);
    expect(heatmap.maxCount).toBe(8);
    const levels = ['2025-06-02', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']
      .concat('2026-06-01', '2026-01-15')
      .map((key) => [cell(key)?.count, cell(key)?.level]);
    expect(levels).toEqual([
      [3, 2], // 3/8 of the top: second quarter
      [4, 2], // exactly half
      [6, 3],
      [1, 1],
      [2, 1], // exactly a quarter
      [8, 4],
      [0, 0],
    ]);
  });

  it('is all level 0 without reviews', () => {
    const empty = reviewsPerDay(new Map(), '2026-06-01');
    expect(empty.maxCount).toBe(0);
    expect(empty.totalCount).toBe(0);
    expect(empty.cells.every((entry) => entry.level === 0)).toBe(true);
  });

  it('steps over leap days by the calendar', () => {
    const leap = reviewsPerDay(new Map([['2024-02-29', 1]]), '2024-12-31');
    expect(leap.cells[0]?.dayKey).toBe('2024-01-02');
    expect(leap.totalCount).toBe(1);
  });

  it('refuses a day key that is no date', () => {
    expect(() => reviewsPerDay(reviewsByDay, '2026-02-30')).toThrow(RangeError);
    expect(() => reviewsPerDay(reviewsByDay, '1.6.2026')).toThrow(RangeError);
    expect(() => dayKeyToUtcMillis('2026-13-01')).toThrow(RangeError);
  });

  describe('in a zone with daylight saving', () => {
    inTimeZone('America/New_York');

    it('lays out exactly the same calendar', () => {
      expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(19); // really New York
      expect(reviewsPerDay(reviewsByDay, '2026-06-01')).toEqual(heatmap);
      const keys = reviewsPerDay(new Map(), '2026-03-10', { days: 3 }).cells.map((c) => c.dayKey);
      expect(keys).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']); // across the change
    });
  });
});

describe('heatmapMonthRows', () => {
  it('sums the calendar per month, the first and last months partial', () => {
    const rows = heatmapMonthRows(reviewsPerDay(reviewsByDay, '2026-06-01'));
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({ month: '2025-06', reviews: 3, activeDays: 1, days: 29 });
    expect(rows[1]).toEqual({ month: '2025-07', reviews: 0, activeDays: 0, days: 31 });
    expect(rows.at(-2)).toEqual({ month: '2026-05', reviews: 13, activeDays: 4, days: 31 });
    expect(rows.at(-1)).toEqual({ month: '2026-06', reviews: 8, activeDays: 1, days: 1 });
    expect(rows.reduce((sum, row) => sum + row.days, 0)).toBe(365);
  });
});

describe('heatmapMonthLabels', () => {
  it('puts each month at the column of its first day, the partial first month too when it has room', () => {
    const labels = heatmapMonthLabels(reviewsPerDay(reviewsByDay, '2026-06-01'), 3);
    expect(labels).toHaveLength(13);
    expect(labels[0]).toEqual({ month: '2025-06', column: 0 });
    // 2025-07-01 is a Tuesday of the fifth week column.
    expect(labels[1]).toEqual({ month: '2025-07', column: 4 });
    expect(labels.at(-1)).toEqual({ month: '2026-06', column: 52 });
  });

  it('leaves out the first month when the next one starts too close for its label', () => {
    // The window opens on Thursday 2025-06-26: June holds the first column only.
    const heatmap = reviewsPerDay(reviewsByDay, '2026-06-01', { days: 341 });
    expect(heatmap.cells[0]?.dayKey).toBe('2025-06-26');
    const labels = heatmapMonthLabels(heatmap, 3);
    expect(labels[0]).toEqual({ month: '2025-07', column: 1 });
    expect(heatmapMonthLabels(heatmap, 1)[0]).toEqual({ month: '2025-06', column: 0 });
  });
});
