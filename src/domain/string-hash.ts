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
