import { hashString } from '../domain/string-hash';

/** A generator of floats in [0, 1), passed in wherever a choice must look random yet repeat. */
export type Random = () => number;

/** Mulberry32 seeded from a string: tiny, fast, and good enough to shuffle quiz options. */
export function createSeededRandom(seed: string): Random {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const item = out[index] as T;
    out[index] = out[other] as T;
    out[other] = item;
  }
  return out;
}

/**
 * Yields `items` in a random order, one at a time, doing work only for the items taken. Picking
 * three distractors among 10,000 siblings then costs three steps, not a shuffle of 10,000.
 */
export function* lazyShuffle<T>(items: readonly T[], random: Random): Generator<T> {
  // The positions a full Fisher-Yates would have swapped, kept sparse.
  const moved = new Map<number, number>();
  for (let index = 0; index < items.length; index++) {
    const other = index + Math.floor(random() * (items.length - index));
    const picked = moved.get(other) ?? other;
    moved.set(other, moved.get(index) ?? index);
    yield items[picked] as T;
  }
}
