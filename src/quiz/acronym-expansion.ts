import { foldText } from './case-folding';

// Words an expansion may hold that its acronym leaves out ("Department of Defense", DoD).
const skippedWords = new Set(['of', 'and', 'for', 'the', 'to', 'a', 'in', 'on', 'de', 'da', 'do']);
// An expansion longer than this is no expansion; the bound also keeps the search short.
const maxExpansionChars = 120;

/**
 * Widens a match of an acronym over its expansion beside it, either way round: "API (Application
 * Programming Interface)" or "Application Programming Interface (API)". The expansion is the
 * answer spelled out, so it goes with the blank.
 */
export function withExpansion(
  text: string,
  start: number,
  end: number,
  letters: string,
): [number, number] {
  let open = end;
  while (text.charAt(open) === ' ') open++;
  if (text.charAt(open) === '(') {
    const inside = text.slice(open + 1, open + maxExpansionChars);
    const close = inside.indexOf(')');
    if (close > 0 && spells(words(inside.slice(0, close)), letters)) {
      return [start, open + close + 2];
    }
  }
  if (text.charAt(start - 1) === '(' && text.charAt(end) === ')') {
    const clauseEnd = start - 1;
    const before = text.slice(Math.max(0, clauseEnd - maxExpansionChars), clauseEnd);
    const clause = /[^.,;:!?()\n]*$/.exec(before)?.[0] ?? '';
    const clauseStart = clauseEnd - clause.length;
    const found = [...clause.matchAll(wordPattern)];
    // The shortest run of words that spells the acronym, ending just before the parenthesis.
    for (let count = 1; count <= found.length; count++) {
      const tail = found.slice(-count);
      if (
        spells(
          tail.map((word) => word[0]),
          letters,
        )
      ) {
        return [clauseStart + (tail[0]?.index ?? 0), end + 1];
      }
    }
  }
  return [start, end];
}

const wordPattern = /[^\s\u2010-\u2015-]+/g;

function words(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/**
 * Whether `words` spell `letters`: each word gives the next letter with its first letter and may
 * give more with letters inside it, in order ("HyperText" → H and T); a small word may give none.
 */
function spells(words: readonly string[], letters: string): boolean {
  if (words.length === 0 || words.length > letters.length + 4) return false;
  const folded = words.map(foldText);
  const from = (word: number, letter: number): boolean => {
    if (letter === letters.length) return word === folded.length;
    const current = folded[word];
    if (current === undefined) return false;
    if (skippedWords.has(current) && from(word + 1, letter)) return true;
    if (current.charAt(0) !== letters.charAt(letter)) return false;
    if (from(word + 1, letter + 1)) return true;
    let position = 1;
    for (let next = letter + 1; next < letters.length; next++) {
      position = current.indexOf(letters.charAt(next), position) + 1;
      if (position === 0) return false;
      if (from(word + 1, next + 1)) return true;
    }
    return false;
  };
  return from(0, 0);
}

// Words of free text with where they stand; a hyphen splits ("Domain-driven" gives D and d).
const freeWordPattern = /[\p{L}\p{N}]+/gu;
// Between two words of one expansion: spaces, a hyphen or a slash, nothing that ends a phrase.
const joiningGap = /^[\s\u2010-\u2015/-]*$/;
// Two letters are spelled by chance too often ("an item" for AI) to look for them unattached.
const minUnattachedLetters = 3;

/**
 * Expansions of an acronym wherever they stand, not only beside it: "Domain driven design
 * structures…" for DDD, "CSV or Comma Separated Values" for CSV. A run of words within one
 * phrase, the first capitalised, whose first letters spell the acronym; small words may stand
 * between. Each is the answer spelled out, so each is blanked too.
 */
export function findUnattachedExpansions(text: string, letters: string): [number, number][] {
  if (letters.length < minUnattachedLetters) return [];
  const words = [...text.matchAll(freeWordPattern)].map((found) => ({
    start: found.index,
    end: found.index + found[0].length,
    folded: foldText(found[0]),
    capitalised: /^\p{Lu}/u.test(found[0]),
  }));
  const runs: [number, number][] = [];
  for (let first = 0; first < words.length; first++) {
    const head = words[first];
    if (!head?.capitalised || head.folded.charAt(0) !== letters.charAt(0)) continue;
    // The acronym itself is no expansion of it.
    if (head.folded === letters || head.folded === `${letters}s`) continue;
    let letter = 0;
    let at = first;
    for (; at < words.length && letter < letters.length; at++) {
      const word = words[at];
      const previous = words[at - 1];
      if (!word) break;
      if (at > first && previous && !joiningGap.test(text.slice(previous.end, word.start))) break;
      if (word.folded.charAt(0) === letters.charAt(letter)) letter++;
      else if (!(letter > 0 && skippedWords.has(word.folded))) break;
    }
    const last = words[at - 1];
    if (letter === letters.length && last) {
      runs.push([head.start, last.end]);
      first = at - 1;
    }
  }
  return runs;
}
