/**
 * Locale-independent case folding, one code unit in, one out, so that a position in the folded
 * text is the same position in the original. `toLowerCase` per code unit does most of it; where it
 * would grow ("İ" → "i̇") the first unit is kept, and the letters that fold together under a
 * locale or in final position (Turkish dotless ı, final ς, long ſ) are joined, since masking too
 * much is the safe side.
 */
const joined: Record<string, number> = { ı: 105, ς: 963, ſ: 115 };

// Lazily filled per code unit: 0 means not yet folded.
const foldTable = new Uint16Array(65536);

function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let folded = foldTable[code] ?? 0;
  if (folded === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    folded = joined[lower] ?? lower.charCodeAt(0);
    foldTable[code] = folded;
  }
  return folded;
}

/** The text folded, of the same length. ASCII and most text take one native call. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !/[ıςſ]/.test(lower)) return lower;
  let out = '';
  for (let index = 0; index < text.length; index++) {
    out += String.fromCharCode(foldCode(text.charCodeAt(index)));
  }
  return out;
}
