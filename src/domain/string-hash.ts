/**
 * FNV-1a, 32 bits, over the string's UTF-16 code units: fast, well spread, and stable across
 * releases and engines, so it may seed generators, tag contents and place stored records.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `hashString` over a list of texts, each ended by a separator: a fingerprint of the list. */
export function hashStrings(texts: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const text of texts) {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    // A code unit no id holds, so that ['ab', 'c'] and ['a', 'bc'] differ.
    hash ^= 0xffff;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
