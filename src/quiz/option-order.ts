import type { QuizItem } from '../domain/deck';
import { createSeededRandom, shuffled } from './seeded-random';

/**
 * The order one attempt shows an item's options in, as positions into `item.options`. Seeded by
 * the attempt (its start time in the app) and the item, so a replay of the attempt repeats it and
 * a new attempt reorders: a learner cannot learn an answer's place instead of the answer. True
 * comes before False in every attempt: reordering those two tests nothing but attention.
 */
export function optionOrder(item: QuizItem, attemptSeed: string): number[] {
  const positions = item.options.map((_, index) => index);
  if (item.format === 'true-false') return positions;
  return shuffled(positions, createSeededRandom(`${attemptSeed}\u0000${item.id}`));
}
