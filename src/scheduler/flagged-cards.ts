import type { CardControls } from '../domain/card-controls';
import type { CardId } from '../domain/ids';

/** The study cards with a flag of any colour, in deck order, to practise. */
export function flaggedCards(
  studyCardIds: readonly CardId[],
  controls: ReadonlyMap<CardId, CardControls>,
): CardId[] {
  return [...new Set(studyCardIds)].filter((id) => controls.get(id)?.flag !== undefined);
}
