import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/scheduler/format-interval';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatInterval', () => {
  it.each([
    [30_000, '<1m'],
    [minute, '1m'],
    [6 * minute, '6m'],
    [10 * minute, '10m'],
    [59.6 * minute, '1h'],
    [5 * hour, '5h'],
    [day, '1d'],
    [8 * day, '8d'],
    [29 * day, '29d'],
    [105 * day, '3.5mo'],
    [90 * day, '3mo'],
    [365 * day, '1y'],
    [438 * day, '1.2y'],
    [36500 * day, '100y'],
  ])('shows %d ms as %s', (millis, label) => {
    expect(formatInterval(millis)).toBe(label);
  });
});
