import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/ui/common/format-count';
import { plural } from '../../../src/ui/common/plural';

describe('formatCount', () => {
  it('writes whole numbers as English number formatting does', () => {
    const numbers = [
      0, 7, 999, 1000, 12_345, 100_002, 1_000_000, 987_654_321, -1, -1234, -1_000_000,
    ];
    for (const count of numbers) expect(formatCount(count)).toBe(count.toLocaleString('en'));
  });

  it('leaves fractions and huge numbers to the browser', () => {
    expect(formatCount(1234.5)).toBe((1234.5).toLocaleString('en'));
    expect(formatCount(2 ** 60)).toBe((2 ** 60).toLocaleString('en'));
  });

  it('counts a plural with it', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(100_002, 'card')).toBe('100,002 cards');
  });
});
