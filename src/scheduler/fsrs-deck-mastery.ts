import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { fsrsRecall } from './fsrs-recall';
import { type DeckMastery, deckMastery } from './mastery';

/**
 * A deck's mastery under FSRS's forgetting curve: a module of its own, so that the home page
 * fetches the curve beside its first screen, which shows the counts before mastery.
 */
export function fsrsDeckMastery(
  topicCardIds: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  nowMillis: number,
  horizonDays: number,
): DeckMastery {
  return deckMastery(topicCardIds, states, fsrsRecall, nowMillis, horizonDays);
}
