import { describe, expect, it } from 'vitest';
import {
  dayKey,
  nextStudyDayStartMillis,
  recentStudyDays,
  startOfStudyDayMillis,
} from '../../src/scheduler/day-boundary';
import { describeInTimeZone } from '../support/time-zone';

const hour = 60 * 60 * 1000;
const utc = (iso: string) => Date.parse(iso);

describeInTimeZone('Europe/Berlin', () => {
  it('is really in Berlin time (winter UTC+1)', () => {
    expect(new Date(utc('2026-01-15T12:00:00Z')).getHours()).toBe(13);
  });

  it('puts 03:59 in the previous study day and 04:00 in the new one', () => {
    // 03:59 and 04:00 CET are 02:59 and 03:00 UTC.
    expect(dayKey(utc('2026-03-10T02:59:00Z'), 4)).toBe('2026-03-09');
    expect(dayKey(utc('2026-03-10T03:00:00Z'), 4)).toBe('2026-03-10');
    expect(dayKey(utc('2026-03-09T23:30:00Z'), 4)).toBe('2026-03-09');
    expect(startOfStudyDayMillis(utc('2026-03-10T02:59:59Z'), 4)).toBe(utc('2026-03-09T03:00:00Z'));
    expect(startOfStudyDayMillis(utc('2026-03-10T03:00:00Z'), 4)).toBe(utc('2026-03-10T03:00:00Z'));
  });

  it('follows the day-start setting', () => {
    expect(dayKey(utc('2026-03-10T00:30:00Z'), 0)).toBe('2026-03-10');
    expect(dayKey(utc('2026-03-10T05:30:00Z'), 7)).toBe('2026-03-09');
  });

  it('lasts 23 hours across the spring change and ends at 04:00 summer time', () => {
    // Clocks jump from 02:00 CET to 03:00 CEST on 29 March 2026.
    const lateNight = utc('2026-03-29T01:30:00Z'); // 03:30 CEST, still the 28th's study day
    expect(dayKey(lateNight, 4)).toBe('2026-03-28');
    const start = startOfStudyDayMillis(lateNight, 4);
    const end = nextStudyDayStartMillis(lateNight, 4);
    expect(start).toBe(utc('2026-03-28T03:00:00Z'));
    expect(end).toBe(utc('2026-03-29T02:00:00Z'));
    expect(end - start).toBe(23 * hour);
    expect(dayKey(end, 4)).toBe('2026-03-29');
    expect(dayKey(end - 1, 4)).toBe('2026-03-28');
  });

  it('lasts 25 hours across the autumn change', () => {
    // Clocks fall back from 03:00 CEST to 02:00 CET on 25 October 2026.
    const during = utc('2026-10-25T01:30:00Z'); // the second 02:30, CET
    expect(dayKey(during, 4)).toBe('2026-10-24');
    const start = startOfStudyDayMillis(during, 4);
    const end = nextStudyDayStartMillis(during, 4);
    expect(start).toBe(utc('2026-10-24T02:00:00Z'));
    expect(end).toBe(utc('2026-10-25T03:00:00Z'));
    expect(end - start).toBe(25 * hour);
  });

  it('starts each day where the previous one ended, through a whole year', () => {
    let start = startOfStudyDayMillis(utc('2026-01-01T12:00:00Z'), 4);
    const keys = new Set<string>();
    for (let i = 0; i < 366; i += 1) {
      const next = nextStudyDayStartMillis(start, 4);
      expect(startOfStudyDayMillis(next - 1, 4)).toBe(start);
      expect(startOfStudyDayMillis(next, 4)).toBe(next);
      expect([23, 24, 25]).toContain((next - start) / hour);
      keys.add(dayKey(start, 4));
      start = next;
    }
    expect(keys.size).toBe(366);
  });
});

describeInTimeZone('Europe/Berlin', () => {
  it('lists the last study days up to today, across a month and a clock change, and when they start', () => {
    // 03:00 on 1 April is still the study day of 31 March; Berlin moved to summer time on 29 March.
    const { dayKeys, startMillis } = recentStudyDays(utc('2026-04-01T01:00:00Z'), 4, 5);
    expect(dayKeys).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(startMillis).toBe(utc('2026-03-27T03:00:00Z')); // 04:00 winter time
  });
});

describeInTimeZone('America/New_York', () => {
  it('puts 03:59 in the previous study day and 04:00 in the new one', () => {
    // EST is UTC-5: 03:59 is 08:59 UTC.
    expect(dayKey(utc('2026-01-20T08:59:00Z'), 4)).toBe('2026-01-19');
    expect(dayKey(utc('2026-01-20T09:00:00Z'), 4)).toBe('2026-01-20');
  });

  it('lasts 23 hours on the spring change, whose skipped hour is 02:00', () => {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT.
    const night = utc('2026-03-08T07:30:00Z'); // 03:30 EDT
    expect(dayKey(night, 4)).toBe('2026-03-07');
    expect(nextStudyDayStartMillis(night, 4)).toBe(utc('2026-03-08T08:00:00Z'));
    expect(nextStudyDayStartMillis(night, 4) - startOfStudyDayMillis(night, 4)).toBe(23 * hour);
  });

  it('copes with a day start inside the skipped hour', () => {
    // With days starting at 02:00, the 8th's day starts when 02:00 would have been: 03:00 EDT.
    expect(dayKey(utc('2026-03-08T06:59:00Z'), 2)).toBe('2026-03-07'); // 01:59 EST
    expect(dayKey(utc('2026-03-08T07:00:00Z'), 2)).toBe('2026-03-08'); // 03:00 EDT
    expect(startOfStudyDayMillis(utc('2026-03-08T07:00:00Z'), 2)).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('lasts 25 hours on the autumn change', () => {
    // 1 November 2026: 02:00 EDT becomes 01:00 EST.
    const night = utc('2026-11-01T06:30:00Z'); // 01:30 EST, the second one
    expect(dayKey(night, 4)).toBe('2026-10-31');
    expect(nextStudyDayStartMillis(night, 4) - startOfStudyDayMillis(night, 4)).toBe(25 * hour);
  });
});

describe('day start hour', () => {
  it('must be a whole hour 0-23', () => {
    expect(() => dayKey(0, 24)).toThrow(RangeError);
    expect(() => dayKey(0, 3.5)).toThrow(RangeError);
  });
});
