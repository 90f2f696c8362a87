import { termMask } from './term-matcher';

// Fewer words than this left around the blanks give a learner nothing to recall the term from.
const minWordsLeft = 4;

/**
 * Whether a topic can be asked as "which topic does this describe?": its term must be a word that
 * a blank can hide (not a symbol such as `===`), and its masked excerpt must keep enough words to
 * recall from. A topic that fails is asked the other way round, from its title.
 */
export function canBlankHonestly(title: string, maskedExcerpt: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(title)) return false;
  const wordsLeft =
    maskedExcerpt
      .split(termMask)
      .join(' ')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return wordsLeft.length >= minWordsLeft;
}
