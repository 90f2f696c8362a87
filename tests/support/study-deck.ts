import type { DeckSummary } from '../../src/domain/deck-summary';
import { type CardId, deckId } from '../../src/domain/ids';
import { hashStrings } from '../../src/domain/string-hash';

/** A deck with these study cards, fingerprinted as a compiled deck's summary is. */
export function studyDeck(
  id: string,
  studyCardIds: readonly CardId[],
): Pick<DeckSummary, 'id' | 'studyCardIds' | 'cardsFingerprint'> {
  return { id: deckId(id), studyCardIds, cardsFingerprint: hashStrings(studyCardIds) };
}
