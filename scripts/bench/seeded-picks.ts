import type { Random } from '../../src/quiz/seeded-random.ts';

/** One of `items`, chosen by the seeded generator. */
export function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A roadmap.sh-style node id: 21 characters of the URL-safe alphabet. */
export function nodeId(random: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let index = 0; index < 21; index++) id += pick([...alphabet], random);
  return id;
}
