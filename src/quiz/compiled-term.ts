import { foldText } from './case-folding';
import {
  isGapCode,
  isSeparatorCode,
  isWordCharAt,
  isWordCode,
  joinsIdentifier,
} from './character-classes';

/**
 * Trying a term at a place costs up to its length, so a text of near misses costs text × term.
 * No real title comes near this many characters; a heading written to be slow (a whole line of
 * `a a a …`) is left unmasked as a whole, while its shorter parts are still masked.
 */
const maxTermUnits = 200;
// Where a title has a separator, a text may hold a few: "git commit --amend", "if...else".
const maxGapRun = 6;

/** What a text may hold before a unit of a term. */
const noGap = 0;
const oneSeparator = 1;
const gapRun = 2;

export interface CompiledTerm {
  /** The term's characters, folded, separators removed. */
  readonly units: string;
  /** Per unit: what may stand before it in the text. */
  readonly gaps: Uint8Array;
  readonly leadingDot: boolean;
  /** A term of four letters or more takes the rest of a word it starts ("Pythonic"). */
  readonly extendsWord: boolean;
  /** A term of symbols only (`===`, `$*`): its characters, which must not touch a match. */
  readonly symbols: string | undefined;
  /** An acronym's letters, folded ("asgi"): its expansion beside it is masked with it. */
  readonly acronym: string | undefined;
}

/**
 * Finds a term and its simple variants: any case (Unicode case folding); plural -s/-es and a last
 * y as -ies; any separators or inline markup where the term has a separator (`set -e` as
 * "`set -e`", "if...else", "Bayes' Theorem", "The `head` command" for "Head Command") and, in a
 * term of five letters or more, one separator or none anywhere ("async io", "asyncio"); an
 * optional leading dot (".NET" and "NET"). A `standalone` term (a distinctive word of a longer
 * title) must be a whole word. A match never begins or ends inside a word or an identifier, so
 * "Rust" leaves "trust" alone and "Task" leaves `create_task` alone.
 *
 * Hand-written rather than a RegExp: compiling a case-insensitive Unicode pattern per topic cost
 * about a millisecond each, which alone would hold a 10,000-topic deck to a few hundred files/s.
 */
export function compileTerm(term: string, standalone: boolean): CompiledTerm | undefined {
  const trimmed = term.trim();
  const folded = foldText(trimmed);
  const alnum = folded.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (alnum === 0) {
    const symbols = folded.replace(/\s+/g, '');
    if (symbols === '' || symbols.length > maxTermUnits) return undefined;
    const gaps = new Uint8Array(symbols.length);
    return {
      units: symbols,
      gaps,
      leadingDot: false,
      extendsWord: false,
      symbols,
      acronym: undefined,
    };
  }
  const splitAnywhere = alnum >= 5 && !standalone;
  let units = '';
  const gaps: number[] = [];
  let separated = false;
  for (let index = 0; index < folded.length; index++) {
    const code = folded.charCodeAt(index);
    if (isSeparatorCode(code)) {
      separated = units.length > 0;
      continue;
    }
    gaps.push(units.length === 0 ? noGap : separated ? gapRun : noGap);
    units += folded.charAt(index);
    separated = false;
  }
  if (units.length > maxTermUnits) return undefined;
  // Not beside either end, so that "Tries" does not run on into "trie stores".
  if (splitAnywhere) {
    for (let unit = 2; unit < units.length - 1; unit++) gaps[unit] ||= oneSeparator;
  }
  const acronym = /^\p{Lu}{2,10}s?$/u.test(trimmed)
    ? foldText(trimmed.replace(/s$/, ''))
    : undefined;
  return {
    units,
    gaps: Uint8Array.from(gaps),
    leadingDot: trimmed.startsWith('.'),
    extendsWord: alnum >= 4 && !standalone && isWordCode(units.charCodeAt(units.length - 1)),
    symbols: undefined,
    acronym,
  };
}

/** Every match of `term` in `text` (folded as `folded`), left to right, as [start, end). */
export function findMatches(
  text: string,
  folded: string,
  term: CompiledTerm,
  found: (start: number, end: number) => void,
): void {
  const first = term.units.charAt(0);
  const bounded = isWordCode(term.units.charCodeAt(0));
  let from = 0;
  while (from < folded.length) {
    const at = folded.indexOf(first, from);
    // Each unit takes at least one character: no match fits in what is left.
    if (at < 0 || folded.length - at < term.units.length) return;
    from = at + 1;
    if (
      term.symbols !== undefined
        ? term.symbols.includes(text.charAt(at - 1))
        : bounded && startsInsideWord(text, at)
    ) {
      continue;
    }
    const end = matchEnd(text, folded, at, term);
    if (end < 0) continue;
    const dotted = term.leadingDot && text.charAt(at - 1) === '.' && !isWordCharAt(text, at - 2);
    found(dotted ? at - 1 : at, end);
    from = end;
  }
}

function startsInsideWord(text: string, at: number): boolean {
  return isWordCharAt(text, at - 1) || joinsIdentifier(text, at - 1, -1);
}

function endsInsideWord(text: string, at: number): boolean {
  return isWordCharAt(text, at) || joinsIdentifier(text, at, 1);
}

/** The end of a match of `term` starting at `start`, or -1. */
function matchEnd(text: string, folded: string, start: number, term: CompiledTerm): number {
  const { units, gaps } = term;
  let at = start;
  for (let unit = 0; unit < units.length; unit++) {
    const wanted = units.charCodeAt(unit);
    const gap = gaps[unit];
    if (gap === oneSeparator) {
      if (folded.charCodeAt(at) !== wanted && isSeparatorCode(text.charCodeAt(at))) at++;
    } else if (gap === gapRun) {
      const limit = at + maxGapRun;
      while (at < limit && folded.charCodeAt(at) !== wanted && isGapCode(text.charCodeAt(at))) {
        at++;
      }
    }
    if (at < text.length && folded.charCodeAt(at) === wanted) {
      at++;
      continue;
    }
    // "library" as "libraries": the last y may turn into "ie".
    if (
      term.extendsWord &&
      unit === units.length - 1 &&
      wanted === 121 &&
      folded.charCodeAt(at) === 105 &&
      folded.charCodeAt(at + 1) === 101
    ) {
      at += 2;
      continue;
    }
    return -1;
  }
  if (term.symbols !== undefined) return term.symbols.includes(text.charAt(at)) ? -1 : at;
  if (!isWordCode(units.charCodeAt(units.length - 1))) return at;
  if (term.extendsWord) {
    while (endsInsideWord(text, at)) at++;
    return at;
  }
  // Plural -s or -es, then the word must end.
  if (
    folded.charCodeAt(at) === 101 &&
    folded.charCodeAt(at + 1) === 115 &&
    !endsInsideWord(text, at + 2)
  ) {
    return at + 2;
  }
  if (folded.charCodeAt(at) === 115 && !endsInsideWord(text, at + 1)) return at + 1;
  return endsInsideWord(text, at) ? -1 : at;
}
