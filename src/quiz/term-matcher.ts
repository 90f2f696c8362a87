import { createForwardSearch, isWhitespaceCode } from '../markdown/forward-search';

/** What replaces a masked term in a prompt or a recall card. */
export const termMask = '_____';

export interface TermMatcher {
  /** The title and its significant parts, longest first. */
  readonly terms: readonly string[];
  /** Whether `text` mentions any of the terms. */
  occursIn(text: string): boolean;
  /** `text` with every mention of the terms replaced by the mask. */
  mask(text: string): string;
}

// Parts too common to stand for a topic on their own ("Basics", "Other", "and").
const weakParts = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'at',
  'is',
  'vs',
  'what',
  'how',
  'why',
  'other',
  'more',
  'basics',
  'introduction',
  'overview',
  'advanced',
  'using',
]);

// " — ", " - ", " and ", "&", "/", ",", ":", "vs": each side of these can name the topic alone.
const partSeparators = /\s+(?:—|–|-|and|or|&|vs\.?|versus)\s+|\s*[/,:;&]\s*/i;

/**
 * The words a title may appear as in its own description. "Uvicorn and ASGI" gives the whole
 * title, "Uvicorn" and "ASGI"; "Event loop (asyncio)" gives the whole, "Event loop" and
 * "asyncio". Masking each part too means a prompt cannot give the answer away by half.
 */
export function titleTerms(title: string): string[] {
  const whole = title.trim().replace(/\s+/g, ' ');
  const terms = new Set<string>();
  const add = (term: string) => {
    const clean = withoutQuotesAndTrailingPunctuation(term.trim());
    const alnum = [...clean].filter(isWordChar).length;
    if (alnum < 2 || weakParts.has(clean.toLowerCase())) return;
    terms.add(clean);
    const one = singular(clean);
    if (one !== undefined && !weakParts.has(one.toLowerCase())) terms.add(one);
  };
  add(whole);
  const { bare, parenthesised } = splitParentheses(whole);
  for (const text of [bare, ...parenthesised]) {
    add(text);
    for (const part of text.split(partSeparators)) add(part);
  }
  // A title made only of weak words ("Other") still masks itself.
  if (terms.size === 0 && whole !== '') terms.add(whole);
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
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

/**
 * "Futures" → "Future", "Libraries" → "Library", "Processes" → "Process": a plural title's
 * description usually says the singular ("A future is…"), which would give the answer away.
 * Words that merely end in s ("Redis", "Status", "Express") and acronyms ("HTTPS") are left alone.
 */
function singular(term: string): string | undefined {
  const lastWord = term.split(/\s+/).pop() ?? '';
  if (lastWord.length < 4 || lastWord === lastWord.toUpperCase()) return undefined;
  const lower = lastWord.toLowerCase();
  if (/[^aeiou]ies$/.test(lower)) return `${term.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(lower)) return term.slice(0, -2);
  if (/s$/.test(lower) && !/(?:is|os|ss|us)$/.test(lower)) return term.slice(0, -1);
  return undefined;
}

/**
 * Trying a term at a place costs up to its length, so a text of near misses costs text × term.
 * No real title comes near this many characters; a heading written to be slow (a whole line of
 * `a a a …`) is left unmasked as a whole, while its shorter parts are still masked.
 */
const maxTermUnits = 200;

interface CompiledTerm {
  /** The term's characters, lower case, separators removed. */
  readonly units: string;
  /** Before which unit indexes a separator may stand in the text. */
  readonly gaps: readonly boolean[];
  readonly leadingDot: boolean;
  /** Four letters or more: a match takes the rest of the word it starts. */
  readonly long: boolean;
}

/**
 * Finds a term and its simple variants: any case; plural -s/-es/-ies; spaces, hyphens, dots or
 * nothing between its words ("async io", "async-io", "asyncio"); an optional leading dot (".NET"
 * and "NET"). A term of four letters or more also takes the rest of a word it starts ("Pythonic",
 * while "asyncio-based" stops at the hyphen), since such a word gives the answer away; a shorter
 * one ("Go", "C") must stand alone, or it would eat "Google". A match never begins inside a word,
 * so "Rust" leaves "trust" alone.
 *
 * Hand-written rather than a RegExp: compiling a case-insensitive Unicode pattern per topic cost
 * about a millisecond each, which alone would hold a 10,000-topic deck to a few hundred files/s.
 */
function compileTerm(term: string): CompiledTerm | undefined {
  const trimmed = term.trim();
  let units = '';
  const gaps: boolean[] = [];
  let alnum = 0;
  let gap = false;
  for (const char of trimmed.toLowerCase()) {
    if (isSeparator(char)) {
      gap = units.length > 0;
      continue;
    }
    // A long term may be split anywhere ("asyncio" as "async io"); a short one only where it is.
    for (let index = 0; index < char.length; index++) gaps.push(gap);
    units += char;
    if (isWordChar(char)) alnum++;
    gap = false;
  }
  if (alnum === 0 || units.length > maxTermUnits) return undefined;
  const long = alnum >= 5;
  return {
    units,
    gaps: gaps.map((value, index) => index > 0 && (value || long)),
    leadingDot: trimmed.startsWith('.'),
    long: alnum >= 4,
  };
}

/** The end of a match of `term` starting at `start`, or -1. */
function matchAt(text: string, start: number, term: CompiledTerm): number {
  const { units, gaps } = term;
  let at = start;
  for (let unit = 0; unit < units.length; unit++) {
    const wanted = units.charCodeAt(unit);
    if (
      gaps[unit] &&
      at < text.length &&
      lowerCode(text, at) !== wanted &&
      isSeparator(text.charAt(at))
    ) {
      at++;
    }
    if (at < text.length && lowerCode(text, at) === wanted) {
      at++;
      continue;
    }
    // "library" as "libraries": the last y may turn into "ie".
    const last = unit === units.length - 1;
    if (
      term.long &&
      last &&
      wanted === 121 &&
      lowerCode(text, at) === 105 &&
      lowerCode(text, at + 1) === 101
    ) {
      at += 2;
      continue;
    }
    return -1;
  }
  if (term.long) {
    while (at < text.length && isWordChar(text.charAt(at))) at++;
    return at;
  }
  // Plural -s or -es, then the word must end.
  for (const suffix of [2, 1, 0]) {
    const end = at + suffix;
    if (suffix === 2 && !(lowerCode(text, at) === 101 && lowerCode(text, at + 1) === 115)) continue;
    if (suffix === 1 && lowerCode(text, at) !== 115) continue;
    if (end > text.length) continue;
    if (end === text.length || !isWordChar(text.charAt(end))) return end;
  }
  return -1;
}

/** Every match of `term` in `text`, left to right, as [start, end) pairs. */
function findAll(
  text: string,
  lower: string,
  term: CompiledTerm,
  out: [number, number, number][],
  rank: number,
): void {
  const first = term.units.charAt(0);
  let from = 0;
  while (from < lower.length) {
    const found = lower.indexOf(first, from);
    // Each unit takes at least one character: no match fits in what is left.
    if (found < 0 || lower.length - found < term.units.length) return;
    from = found + 1;
    if (found > 0 && isWordChar(text.charAt(found - 1))) continue;
    const end = matchAt(text, found, term);
    if (end < 0) continue;
    const dotted =
      term.leadingDot && text.charAt(found - 1) === '.' && !isWordChar(text.charAt(found - 2));
    out.push([dotted ? found - 1 : found, end, rank]);
    from = end;
  }
}

export function createTermMatcher(title: string): TermMatcher {
  const terms = titleTerms(title);
  const compiled = terms.map(compileTerm).filter((term) => term !== undefined);
  const matches = (text: string, firstOnly: boolean): [number, number, number][] => {
    const lower = lowerSameLength(text);
    const found: [number, number, number][] = [];
    for (let rank = 0; rank < compiled.length; rank++) {
      const term = compiled[rank];
      if (term) findAll(text, lower, term, found, rank);
      if (firstOnly && found.length > 0) break;
    }
    return found;
  };
  const mask = (text: string): string => {
    const found = matches(text, false);
    if (found.length === 0) return text;
    // Earliest match first; at the same start the longer term (lower rank) wins.
    found.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    let out = '';
    let last = 0;
    for (const [start, end] of found) {
      if (start < last) continue;
      out += text.slice(last, start) + termMask;
      last = end;
    }
    return out + text.slice(last);
  };
  return {
    terms,
    occursIn: (text) => matches(text, true).length > 0,
    mask: (text) => {
      const masked = mask(text);
      // A second pass in case a replacement joined pieces into a new mention.
      return masked === text ? masked : mask(masked);
    },
  };
}

// Code-unit helpers: ASCII on a fast path, the rest through the Unicode-aware built-ins.
function lowerCode(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return text.charAt(index).toLowerCase().charCodeAt(0);
}

/** The text in lower case for indexOf; where lower-casing changes lengths, a per-character map. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let index = 0; index < text.length; index++)
    out += String.fromCharCode(lowerCode(text, index));
  return out;
}

const wordCharPattern = /[\p{L}\p{N}]/u;
const spacePattern = /\s/u;

function isWordChar(char: string): boolean {
  if (char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return wordCharPattern.test(char);
}

function isSeparator(char: string): boolean {
  return (
    char === ' ' ||
    char === '-' ||
    char === '_' ||
    char === '.' ||
    char === '/' ||
    char === "'" ||
    char === '’' ||
    spacePattern.test(char)
  );
}
