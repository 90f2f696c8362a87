/**
 * The first position at or after `from` where `matches` holds, or `text.length` when there is
 * none. A parser that asks for positions further and further along pays for each character once
 * in all, where `indexOf` from every opener would rescan the same text again and again: quadratic
 * time on a long line of openers that never close.
 */
export type ForwardSearch = (from: number) => number;

export function createForwardSearch(
  text: string,
  matches: (index: number) => boolean,
): ForwardSearch {
  // No position in [searchedFrom, found) matches; found matches or is text.length.
  let searchedFrom = text.length;
  let found = text.length;
  const scan = (from: number, to: number): number => {
    for (let index = from; index < to; index++) if (matches(index)) return index;
    return to;
  };
  return (from) => {
    if (from > found) {
      found = scan(from, text.length);
      searchedFrom = from;
    } else if (from < searchedFrom) {
      // A step back scans only the gap before the stretch already known to hold no match.
      const inGap = scan(from, searchedFrom);
      if (inGap < searchedFrom) found = inGap;
      searchedFrom = from;
    }
    return found;
  };
}

// The characters of a RegExp's \s, tested without a RegExp per character.
export function isWhitespaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Where a RegExp's `.` stops. */
export function isLineTerminatorCode(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** A RegExp's \w without the u flag: ASCII letters, digits and underscore. */
export function isAsciiWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}
