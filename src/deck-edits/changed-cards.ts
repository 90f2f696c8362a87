import type { Card } from '../domain/deck';
import type { CardId } from '../domain/ids';

/**
 * The cards whose text changed since the learner last reviewed them: their progress stays (ids
 * are stable), but the learner should know the card now says something else. A card never
 * reviewed has nothing to compare with.
 */
export function changedCardIds(
  cards: readonly Card[],
  seenContentHashes: ReadonlyMap<CardId, string>,
): Set<CardId> {
  const changed = new Set<CardId>();
  for (const card of cards) {
    const seen = seenContentHashes.get(card.id);
    if (seen !== undefined && seen !== card.contentHash) changed.add(card.id);
  }
  return changed;
}
