import type { CardId } from '../domain/ids';
import type { CardPhase, CardState } from '../domain/progress';

export type CardCounts = Readonly<Record<CardPhase, number>>;

/** The deck's cards by FSRS phase, from the states alone; a card without a state is new. */
export function cardCountsByState(
  deckCardIds: Iterable<CardId>,
  states: ReadonlyMap<CardId, CardState>,
): CardCounts {
  const counts = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const id of deckCardIds) counts[states.get(id)?.phase ?? 'new'] += 1;
  return counts;
}
