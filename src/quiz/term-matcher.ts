import { termMask } from '../markdown/term-mask';
import { findUnattachedExpansions, withExpansion } from './acronym-expansion';
import { foldText } from './case-folding';
import { type CompiledTerm, compileTerm, findMatches } from './compiled-term';
import { balancedMatch } from './markup-balance';
import { distinctiveWords, type TitleWordCounts, titleTerms } from './title-terms';
import { otherForms } from './word-forms';

// The blank lives with the markdown that reads it; quiz code has long imported it from here.

export interface TermMatcher {
  /** The title and its significant parts, longest first. */
  readonly terms: readonly string[];
  /** The title holds no letter or digit (`===`, `$*`). */
  readonly symbolOnly: boolean;
  /** Whether `text` mentions any of the terms. */
  occursIn(text: string): boolean;
  /** `text` with every mention of the terms replaced by the blank, `termMask`. */
  mask(text: string): string;
}

type Match = [start: number, end: number];

/**
 * Finds a title in text: the whole title, its parts and their other forms anywhere they start a
 * word (see `compileTerm`), and, given the word counts of the deck's titles, the distinctive words
 * of a multi-word title where they stand alone.
 */
export function createTermMatcher(title: string, deckTitleWords?: TitleWordCounts): TermMatcher {
  const terms = titleTerms(title);
  const keys = new Set(terms.map(foldText));
  const standalone = deckTitleWords
    ? distinctiveWords(title, deckTitleWords)
        .flatMap((word) => [word, ...otherForms(word)])
        .filter((word) => !keys.has(foldText(word)))
    : [];
  const compiled = [
    ...terms.map((term) => compileTerm(term, false)),
    ...standalone.map((word) => compileTerm(word, true)),
  ].filter((term) => term !== undefined);

  const acronyms = [
    ...new Set(compiled.map((term) => term.acronym).filter((letters) => letters !== undefined)),
  ];
  const matches = (text: string, firstOnly: boolean): Match[] => {
    const folded = foldText(text);
    const found: Match[] = [];
    for (const term of compiled) {
      findMatches(text, folded, term, (start, end) => {
        if (insideLinkDestination(text, start)) return;
        found.push(firstOnly ? [start, end] : widened(text, start, end, term));
      });
      if (firstOnly && found.length > 0) break;
    }
    for (const letters of acronyms) {
      if (firstOnly && found.length > 0) break;
      found.push(...findUnattachedExpansions(text, letters));
    }
    return found;
  };
  const mask = (text: string): string => {
    const found = matches(text, false);
    if (found.length === 0) return text;
    // Earliest first; of two at the same place the longer wins.
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let last = 0;
    for (const [start, end] of found) {
      if (start < last) continue;
      // "Role-Based Access Control (RBAC)" found as two terms is still one blank.
      const between = text.slice(last, start);
      if (last > 0 && (between === ' (' || between === '(') && text.charAt(end) === ')') {
        last = end + 1;
        continue;
      }
      out += between + termMask;
      last = end;
    }
    return out + text.slice(last);
  };
  // The recall card and the verdict on it mask the same description: the second call is free.
  let lastText: string | undefined;
  let lastMasked = '';
  return {
    terms,
    symbolOnly: !/[\p{L}\p{N}]/u.test(title),
    occursIn: (text) => matches(text, true).length > 0,
    mask: (text) => {
      if (text === lastText) return lastMasked;
      const once = mask(text);
      // A second pass in case a replacement joined pieces into a new mention.
      lastMasked = once === text ? once : mask(once);
      lastText = text;
      return lastMasked;
    },
  };
}

function widened(text: string, start: number, end: number, term: CompiledTerm): Match {
  const [from, to] = term.acronym ? withExpansion(text, start, end, term.acronym) : [start, end];
  return balancedMatch(text, from, to);
}

// A link's destination is no text a learner reads, and a blank in it would break the link.
const maxUrlChars = 300;

function insideLinkDestination(text: string, start: number): boolean {
  const stop = Math.max(0, start - maxUrlChars);
  for (let at = start - 1; at >= stop; at--) {
    const char = text.charAt(at);
    if (char === '(') return text.charAt(at - 1) === ']';
    if (char === ')' || char === ' ' || char === '\n') return false;
  }
  return false;
}
