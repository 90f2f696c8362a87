import { createForwardSearch, isWhitespaceCode } from '../markdown/forward-search';
import { foldText } from './case-folding';
import { otherForms } from './word-forms';

// Parts too common to stand for a topic on their own ("Basics", "Other", "and"), in the
// languages roadmap.sh is translated to.
const weakWords = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'for', 'to', 'with', 'by', 'at', 'is'],
  ...['vs', 'what', 'how', 'why', 'other', 'more', 'basics', 'basic', 'introduction', 'overview'],
  ...['advanced', 'using', 'your', 'own', 'from', 'into', 'its', 'about', 'when', 'which'],
  ...['o', 'os', 'as', 'e', 'de', 'da', 'do', 'das', 'dos', 'em', 'para', 'um', 'uma', 'com'],
  ...['el', 'la', 'los', 'las', 'y', 'en', 'por', 'con', 'del', 'und', 'der', 'die', 'das'],
]);

// " — ", " - ", " and ", "&", " / ", ",", ":", "vs": each side of these can name the topic alone.
// A slash inside a word ("async/await", "TCP/IP") joins one term and does not split it.
const partSeparators = /\s+(?:—|–|-|\/|and|or|e|y|&|vs\.?|versus)\s+|\s*[,:;&]\s*/i;
// What a part left by a list's comma starts with: "Threads, Channels, and Message Passing".
const leadingConjunction = /^(?:and|or|e|y)\s+/i;

/**
 * The words a title may appear as in its own description. "Uvicorn and ASGI" gives the whole
 * title, "Uvicorn" and "ASGI"; "Event loop (asyncio)" gives the whole, "Event loop" and
 * "asyncio"; each with its other forms ("Futures", "Future"). Masking each part too means a
 * prompt cannot give the answer away by half.
 */
export function titleTerms(title: string): string[] {
  const whole = title.trim().replace(/\s+/g, ' ');
  const terms = new Set<string>();
  const add = (term: string) => {
    const clean = withoutQuotesAndTrailingPunctuation(term.trim().replace(leadingConjunction, ''));
    if (clean === '' || isWeak(clean)) return;
    // A part of one letter ("C" of "C and C++") stands for too much; a whole title may.
    if (terms.size > 0 && lettersIn(clean) === 1) return;
    terms.add(clean);
    for (const form of otherForms(clean)) if (!isWeak(form)) terms.add(form);
  };
  add(whole);
  const { bare, parenthesised } = splitParentheses(whole);
  // What comes before a parenthesis names the topic alone: "TRIZ (Theory of …) in Management".
  const beforeParenthesis = parenthesised.length > 0 ? whole.slice(0, whole.indexOf('(')) : '';
  for (const text of [bare, beforeParenthesis, ...parenthesised]) {
    add(text);
    for (const part of text.split(partSeparators)) add(part);
  }
  // A title made only of weak words ("Other") still masks itself.
  if (terms.size === 0 && whole !== '') terms.add(whole);
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** How many titles of a deck hold each word, by its folded form: what makes a word distinctive. */
export type TitleWordCounts = ReadonlyMap<string, number>;

export function countTitleWords(titles: readonly string[]): TitleWordCounts {
  const counts = new Map<string, number>();
  for (const title of titles) {
    for (const key of new Set(titleWords(title).map(wordKey))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

// A word held by this many titles or more tells no option from the others.
const sharedByTitles = 3;
// A longer title is a sentence ("Run the audit after every change"): blanking each of its words
// wherever it stands would leave a text of blanks.
const maxDistinctiveTitleWords = 3;
// Words that say nothing of a topic however few titles hold them.
const plainWords = new Set([
  ...['after', 'before', 'every', 'each', 'all', 'some', 'any', 'not', 'new', 'our', 'get', 'run'],
  ...['most', 'into', 'over', 'under', 'between', 'than', 'then', 'also', 'just', 'only', 'way'],
  ...['mais', 'menos', 'sobre', 'como', 'que', 'entre', 'são', 'seu', 'sua', 'para', 'uso'],
]);

/**
 * The words of a short multi-word title that few other titles of its deck hold: "Cloning" of
 * "Cloning Repositories", where "Repositories" names half the deck. A prompt that says such a word
 * singles out its answer among the options, so it is blanked where it stands alone.
 */
export function distinctiveWords(title: string, counts: TitleWordCounts): string[] {
  const words = titleWords(title).filter((word) => !isWeak(word));
  if (words.length < 2 || words.length > maxDistinctiveTitleWords) return [];
  return words.filter((word) => {
    const letters = lettersIn(word);
    const acronym = word === word.toUpperCase() && letters >= 2 && /\p{L}/u.test(word);
    if (letters < 4 && !acronym) return false;
    if (plainWords.has(foldText(word))) return false;
    return (counts.get(wordKey(word)) ?? 0) < sharedByTitles;
  });
}

/** A title's words: split at spaces, quotes and brackets stripped; "async/await" stays one. */
function titleWords(title: string): string[] {
  return title
    .split(/[\s()[\]{},:;!?"“”]+/)
    .map((word) => withoutQuotesAndTrailingPunctuation(word))
    .filter((word) => lettersIn(word) > 0);
}

function wordKey(word: string): string {
  return foldText(otherForms(word)[0] ?? word);
}

/** A function word, unless written as a name ("DoS" is no Portuguese "dos"). */
function isWeak(term: string): boolean {
  return weakWords.has(foldText(term)) && !/\p{Lu}/u.test(term.slice(1));
}

const letterOrDigit = /[\p{L}\p{N}]/u;

function lettersIn(text: string): number {
  let count = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const asciiLetter = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    if (asciiLetter || (code >= 128 && letterOrDigit.test(char))) count++;
  }
  return count;
}

/**
 * "Event loop (asyncio)" → bare "Event loop", parenthesised ["asyncio"]. A group runs from a `(`
 * to the next `)` and takes the white space around it. One pass: looking for the `)` from every
 * `(` anew would take quadratic time on a title of many unclosed parentheses.
 */
function splitParentheses(title: string): { bare: string; parenthesised: string[] } {
  const closeAfter = createForwardSearch(title, (index) => title.charCodeAt(index) === 41);
  const isSpace = (index: number) => isWhitespaceCode(title.charCodeAt(index));
  const parenthesised: string[] = [];
  let bare = '';
  let last = 0;
  for (let open = title.indexOf('('); open >= 0; ) {
    const close = closeAfter(open + 1);
    if (close >= title.length) break;
    parenthesised.push(title.slice(open + 1, close));
    let start = open;
    while (start > last && isSpace(start - 1)) start--;
    let end = close + 1;
    while (end < title.length && isSpace(end)) end++;
    bare += `${title.slice(last, start)} `;
    last = end;
    open = title.indexOf('(', end);
  }
  return { bare: (bare + title.slice(last)).trim(), parenthesised };
}

/** Drops opening quotes and closing quotes or punctuation: `"Why async?"` → `Why async`. */
function withoutQuotesAndTrailingPunctuation(term: string): string {
  let start = 0;
  while (start < term.length && `"'“‘`.includes(term.charAt(start))) start++;
  let end = term.length;
  while (end > start && `"'”’?!.:`.includes(term.charAt(end - 1))) end--;
  return term.slice(start, end);
}
