import { countWords } from './character-classes';
import type { TermMatcher } from './term-matcher';

export type MaskVerdict =
  | { readonly honest: true }
  | { readonly honest: false; readonly reason: string };

// Fewer words than this left around the blanks give a learner nothing to recall the term from
// ("_____ lists files."); on roadmap.sh's cards even the shortest honest ones keep more.
const minWordsLeft = 3;

/**
 * Whether a topic's description can be shown with its term blanked, as a recall card or a quiz
 * prompt, without lying to the learner: a term of symbols only (`===`, `$*`) leaves no word to
 * recall, and a description that is mostly the term ("`ls -la` lists files") leaves too little.
 * Such a topic is asked the other way round: the term shown, its description to recall or pick.
 */
export function maskVerdict(matcher: TermMatcher, description: string): MaskVerdict {
  if (matcher.symbolOnly) {
    return {
      honest: false,
      reason: 'its title is only symbols, so a blank leaves nothing to recall it by',
    };
  }
  const masked = matcher.mask(description);
  if (masked === description) return { honest: true };
  const total = countWords(description);
  // A blank is underscores, which no word counts.
  const left = countWords(masked);
  // Few words left, or more than half of them blanked: the card is a row of blanks.
  if (left < minWordsLeft || left * 2 < total) {
    return {
      honest: false,
      reason: `its description is mostly its own term: ${left} of its ${total} words would be left`,
    };
  }
  return { honest: true };
}
