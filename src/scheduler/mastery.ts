import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import type { TaskSlices } from '../domain/task-slices';
import type { Scheduler } from './scheduler';

/** FSRS's stability is the time until recall falls to 90%: the bar a lasting memory must clear. */
const lastingRecall = 0.9;

export interface TopicMastery {
  /** Mean of its cards' mastery (`cardMastery`), 0 to 1. */
  readonly mastery: number;
  /** Every card at full mastery. */
  readonly mastered: boolean;
}

export interface DeckMastery {
  /** Mean of its topics' mastery; 0 for a deck without topics. */
  readonly mastery: number;
  readonly masteredTopics: number;
  readonly topicCount: number;
}

type Recall = Pick<Scheduler, 'retrievability'>;

/**
 * How much of a card will last, 0 to 1: its stability over the horizon, capped at 1, scaled down
 * by how far current recall has fallen below 90%. It is 1 only when recall is expected to stay at
 * or above 90% for `horizonDays` after the last review and the card is not overdue.
 *
 * Stability, not recall now, so that any review's afterglow does not read as mastery: a lapse
 * drops stability to a day or so, hence mastery below 10%, and only successful reviews raise it.
 * Not recall `horizonDays` ahead either: FSRS-6's long tail gives a just-lapsed card about 47%.
 */
export function cardMastery(
  state: CardState | undefined,
  recall: Recall,
  nowMillis: number,
  horizonDays: number,
): number {
  if (!state || state.phase === 'new' || state.lastReviewAtMillis === undefined) return 0;
  const lasting = Math.min(1, state.stability / horizonDays);
  const kept = Math.min(1, recall.retrievability(state, nowMillis) / lastingRecall);
  return lasting * kept;
}

/** The caller picks the cards: all of a topic's kinds, quiz included, unless a page wants less. */
export function topicMastery(
  cardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  recall: Recall,
  nowMillis: number,
  horizonDays: number,
): TopicMastery {
  if (cardIds.length === 0) return { mastery: 0, mastered: false };
  let sum = 0;
  let mastered = true;
  for (const id of cardIds) {
    const card = cardMastery(states.get(id), recall, nowMillis, horizonDays);
    sum += card;
    if (card < 1) mastered = false;
  }
  return { mastery: sum / cardIds.length, mastered };
}

export function deckMastery(
  topicCardIds: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  recall: Recall,
  nowMillis: number,
  horizonDays: number,
): DeckMastery {
  const steps = deckMasterySteps(topicCardIds, states, recall, nowMillis, horizonDays);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, in slices of main-thread time (`slices`): at 100,000 cards, a deck's topics took up
 * to 100 ms in one task on the statistics page, before the engine had optimized the loop.
 */
export async function deckMasteryInSlices(
  topicCardIds: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  recall: Recall,
  nowMillis: number,
  horizonDays: number,
  slices: TaskSlices,
): Promise<DeckMastery> {
  const steps = deckMasterySteps(topicCardIds, states, recall, nowMillis, horizonDays);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slices.spent) await slices.next();
  }
}

/** `deckMastery`, pausing after each topic. */
function* deckMasterySteps(
  topicCardIds: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  recall: Recall,
  nowMillis: number,
  horizonDays: number,
): Generator<void, DeckMastery> {
  if (topicCardIds.length === 0) return { mastery: 0, masteredTopics: 0, topicCount: 0 };
  let sum = 0;
  let masteredTopics = 0;
  for (const cardIds of topicCardIds) {
    const topic = topicMastery(cardIds, states, recall, nowMillis, horizonDays);
    sum += topic.mastery;
    if (topic.mastered) masteredTopics += 1;
    yield;
  }
  return { mastery: sum / topicCardIds.length, masteredTopics, topicCount: topicCardIds.length };
}
