import { expect, it } from 'vitest';
import { createSeededRandom, lazyShuffle, shuffled } from '../../src/quiz/seeded-random.ts';

it('repeats the same numbers for the same seed and differs between seeds', () => {
  const a = createSeededRandom('deck');
  const b = createSeededRandom('deck');
  const c = createSeededRandom('other deck');
  const first = [a(), a(), a()];
  expect([b(), b(), b()]).toEqual(first);
  expect([c(), c(), c()]).not.toEqual(first);
  for (const value of first) expect(value >= 0 && value < 1).toBe(true);
});

it('shuffles lazily into a permutation of every item', () => {
  const items = Array.from({ length: 50 }, (_, index) => index);
  const order = [...lazyShuffle(items, createSeededRandom('seed'))];
  expect([...order].sort((x, y) => x - y)).toEqual(items);
  expect(order).not.toEqual(items);
  expect(shuffled(items, createSeededRandom('seed')).sort((x, y) => x - y)).toEqual(items);
});
