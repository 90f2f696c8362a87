import { formatCount } from './format-count';

/** `plural(1, 'card')` → "1 card", `plural(3, 'card')` → "3 cards". */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}
