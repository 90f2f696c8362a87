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
const separatorChars = /[\s\-_./'’]/u;
const wordChar = /[\p{L}\p{N}]/u;
const regexSyntax = /[\\^$.*+?()[\]{}|/]/g;

/**
 * The words a title may appear as in its own description. "Uvicorn and ASGI" gives the whole
 * title, "Uvicorn" and "ASGI"; "Event loop (asyncio)" gives the whole, "Event loop" and
 * "asyncio". Masking each part too means a prompt cannot give the answer away by half.
 */
export function titleTerms(title: string): string[] {
  const whole = title.trim().replace(/\s+/g, ' ');
  const terms = new Set<string>();
  const add = (term: string) => {
    const clean = term.trim().replace(/^["'“‘(]+|["'”’)?!.]+$/g, '');
    const alnum = [...clean].filter((char) => wordChar.test(char)).length;
    if (alnum >= 2 && !weakParts.has(clean.toLowerCase())) terms.add(clean);
  };
  add(whole);
  const bare = whole.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const parenthesised = [...whole.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? '');
  for (const text of [bare, ...parenthesised]) {
    add(text);
    for (const part of text.split(partSeparators)) add(part);
  }
  // A title made only of weak words ("Other") still masks itself.
  if (terms.size === 0 && whole !== '') terms.add(whole);
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * A pattern for one term that also finds its simple variants: any case; plural -s/-es/-ies;
 * spaces, hyphens, dots or nothing between its words ("async io", "async-io", "asyncio");
 * an optional leading dot (".NET" and "NET"). A term of four letters or more also takes the rest
 * of a word it starts ("Pythonic", "asyncio-based" stops at the hyphen), since such a word gives
 * the answer away; a shorter one ("Go", "C") must stand alone, or it would eat "Google".
 * Matches never begin inside a word, so "Rust" leaves "trust" alone.
 */
function termPattern(term: string): string | undefined {
  const trimmed = term.trim();
  const chars = [...trimmed.toLowerCase()];
  const kept = chars.filter((char) => !separatorChars.test(char));
  const alnum = kept.filter((char) => wordChar.test(char)).length;
  if (alnum === 0) return undefined;
  const long = alnum >= 5;
  let body = '';
  let previousKept = false;
  let gap = false;
  for (const char of chars) {
    if (separatorChars.test(char)) {
      gap = previousKept;
      continue;
    }
    // Long terms may be split anywhere ("asyncio" as "async io"); short ones only where they are.
    if (previousKept && (gap || long)) body += '[\\s\\-_./]?';
    body += char.replace(regexSyntax, '\\$&');
    previousKept = true;
    gap = false;
  }
  if (alnum >= 4) {
    // "library" → "libraries": let the last y turn into "ie" before the rest of the word.
    if (body.endsWith('y')) body = `${body.slice(0, -1)}(?:y|ie)`;
    body += '[\\p{L}\\p{N}]*';
  } else {
    body += '(?:e?s)?(?![\\p{L}\\p{N}])';
  }
  const dot = trimmed.startsWith('.') ? '\\.?' : '';
  return `(?<![\\p{L}\\p{N}])${dot}${body}`;
}

export function createTermMatcher(title: string): TermMatcher {
  const terms = titleTerms(title);
  const patterns = terms.map(termPattern).filter((pattern) => pattern !== undefined);
  const source = patterns.length > 0 ? patterns.join('|') : '(?!)';
  const find = new RegExp(source, 'iu');
  const replace = new RegExp(source, 'giu');
  return {
    terms,
    occursIn: (text) => find.test(text),
    mask: (text) => {
      let masked = text.replace(replace, termMask);
      // A second pass in case a replacement joined pieces into a new mention.
      if (find.test(masked)) masked = masked.replace(replace, termMask);
      return masked;
    },
  };
}
