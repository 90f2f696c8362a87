import { describe, expect, it } from 'vitest';
import { createForwardSearch } from '../../src/markdown/forward-search';

function countingSearch(text: string, wanted: string) {
  let calls = 0;
  const search = createForwardSearch(text, (index) => {
    calls++;
    return text[index] === wanted;
  });
  return { search, calls: () => calls };
}

describe('createForwardSearch', () => {
  it('finds the first match at or after a position, or the end of the text', () => {
    const { search } = countingSearch('a]b]c', ']');
    expect([0, 1, 2, 3, 4, 5].map(search)).toEqual([1, 1, 3, 3, 5, 5]);
  });

  it('answers a step back without losing a match in the gap', () => {
    const { search } = countingSearch('x]xxxxx]', ']');
    expect(search(3)).toBe(7);
    expect(search(0)).toBe(1);
    expect(search(2)).toBe(7);
  });

  it('looks at each character about once when asked from every position in turn', () => {
    // An opener at every position that never finds its closer: the case that made parsers
    // quadratic. Asking with indexOf from each would look at n²/2 characters.
    const text = '['.repeat(20_000);
    const { search, calls } = countingSearch(text, ']');
    for (let at = 0; at < text.length; at++) expect(search(at + 1)).toBe(text.length);
    expect(calls()).toBeLessThanOrEqual(text.length);
  });

  it('stays linear when each position asks twice, one step apart', () => {
    const text = '*a '.repeat(5_000);
    const { search, calls } = countingSearch(text, '\n');
    for (let at = 0; at < text.length; at++) {
      search(at + 2);
      search(at + 1);
    }
    expect(calls()).toBeLessThanOrEqual(2 * text.length);
  });
});
