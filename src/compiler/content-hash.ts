import { hashString } from '../domain/string-hash';

/**
 * FNV-1a of both faces as 8 hex digits. It only has to tell that a card's text changed between
 * two builds, so a collision costs at most a missed notice, never a lost review.
 */
export function contentHash(front: string, back: string): string {
  return hashString(`${front}\u0000${back}`).toString(16).padStart(8, '0');
}
