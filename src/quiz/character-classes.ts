/** What a character is to the matcher: part of a word, a separator, markup it may look through. */

const letterOrDigit = /[\p{L}\p{N}]/u;
// Scripts written without spaces: each character stands alone, so a term may start or end beside
// one ("用Kafka的") and a match never runs on into the clause that follows.
const unspacedScript =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}]/u;

// Lazily filled per code unit.
const unknown = 0;
const spacedWord = 1;
const unspacedLetter = 2;
const other = 3;
const kindTable = new Uint8Array(65536);

function kindOf(code: number): number {
  let kind = kindTable[code] ?? unknown;
  if (kind === unknown) {
    const char = String.fromCharCode(code);
    kind = !letterOrDigit.test(char)
      ? other
      : unspacedScript.test(char)
        ? unspacedLetter
        : spacedWord;
    kindTable[code] = kind;
  }
  return kind;
}

/** A letter or digit of a spaced script: a match may not start or end beside one. */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return kindOf(code) === spacedWord;
}

/** Words in `text`, each character of a script written without spaces counted as one. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const ascii = code < 128;
    const asciiWord = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    const kind = ascii ? (asciiWord ? spacedWord : other) : kindOf(code);
    if (kind === unspacedLetter) count++;
    else if (kind === spacedWord && !inWord) count++;
    inWord = kind === spacedWord;
  }
  return count;
}

export function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
}

/**
 * Whether an underscore run touching `index` (on the side `step` points to) joins it to a word, as
 * in `create_task`: a match must not start or end inside an identifier. An underscore beside a
 * space is emphasis or a blank instead.
 */
export function joinsIdentifier(text: string, index: number, step: 1 | -1): boolean {
  let at = index;
  while (text.charCodeAt(at) === 95) at += step;
  return at !== index && isWordCharAt(text, at);
}

/** Characters that split a title into words, which a text may write as any other of them. */
export function isSeparatorCode(code: number): boolean {
  return (
    code === 32 ||
    code === 45 || // -
    code === 95 || // _
    code === 46 || // .
    code === 47 || // /
    code === 39 || // '
    code === 0x2019 || // ’
    code === 96 || // `
    code === 42 || // *
    code === 34 || // "
    code === 0x201c ||
    code === 0x201d ||
    code === 92 || // \ as in print\_r
    (code >= 9 && code <= 13) ||
    code === 0xa0
  );
}

/**
 * What a text may hold between two words of a term: separators, inline markup, the angle
 * brackets of an element name ("the `<address>` element" for "Address Element") and parentheses
 * ("Gang of Four (GoF) design patterns" for "GoF Design Patterns").
 */
export function isGapCode(code: number): boolean {
  return isSeparatorCode(code) || code === 60 || code === 62 || code === 40 || code === 41;
}
