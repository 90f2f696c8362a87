import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import type { Scheduler } from './scheduler';

/** A topic is mastered once every card would still be recalled 90% of the time after 3 weeks. */
export const masteredStabilityDays = 21;

export interface TopicMastery {
  /** Mean current probability of recall of the topic's cards, 0 for a card never reviewed. */
  readonly recall: number;
  readonly mastered: boolean;
}

export interface DeckMastery {
  /** Mean of its topics' recall; 0 for a deck without topics. */
  readonly recall: number;
  readonly masteredTopics: number;
  readonly topicCount: number;
}

type Recall = Pick<Scheduler, 'retrievability'>;

/** The caller picks the cards: all of a topic's kinds, quiz included, unless a page wants less. */
export function topicMastery(
  cardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  scheduler: Recall,
  nowMillis: number,
): TopicMastery {
  if (cardIds.length === 0) return { recall: 0, mastered: false };
  let recallSum = 0;
  let mastered = true;
  for (const id of cardIds) {
    const state = states.get(id);
    recallSum += scheduler.retrievability(state, nowMillis);
    if (!state || state.stability < masteredStabilityDays) mastered = false;
  }
  return { recall: recallSum / cardIds.length, mastered };
}

export function deckMastery(
  topicCardIds: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  scheduler: Recall,
  nowMillis: number,
): DeckMastery {
  if (topicCardIds.length === 0) return { recall: 0, masteredTopics: 0, topicCount: 0 };
  let recallSum = 0;
  let masteredTopics = 0;
  for (const cardIds of topicCardIds) {
    const topic = topicMastery(cardIds, states, scheduler, nowMillis);
    recallSum += topic.recall;
    if (topic.mastered) masteredTopics += 1;
  }
  return {
    recall: recallSum / topicCardIds.length,
    masteredTopics,
    topicCount: topicCardIds.length,
  };
}
