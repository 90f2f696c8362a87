import type { CardId } from '../domain/ids';
import { type CardState, inLearningSteps } from '../domain/progress';
import { buildReviewQueue } from './build-review-queue';
import { nextStudyDayStartMillis, startOfStudyDayMillis } from './day-boundary';
import { type QueueSettings, studiedToday } from './deck-counts';
import { topicsAnsweredToday } from './sibling-cards';

const minuteMillis = 60_000;

/**
 * The queue of a session over one deck or several ("Study all due"): each deck's own queue within
 * its own daily limits (`deckSettings[i]`, a deck's options over the global settings, where
 * given), decks in the order given; when none is due, the learning cards due within the
 * learn-ahead limit. A card id two decks share must be left in one of them
 * (`distinctSessionCards`), or it would be queued twice.
 */
export function studyQueue(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
  deckSettings?: readonly QueueSettings[],
): CardId[] {
  const steps = studyQueueSteps(decks, states, settings, nowMillis, deckSettings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same queue, one deck per task (`nextTask` starts the next): at 100,000 cards over many
 * decks, built in one go, it held input for about 100 ms. `onFirstCards` is given the queue as
 * soon as one deck has put cards in it, while later decks are still to come: the whole queue
 * starts with those cards, so its first card can be shown before the rest is built.
 */
export async function studyQueueInTasks(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
  deckSettings: readonly QueueSettings[] | undefined,
  nextTask: () => Promise<void>,
  onFirstCards?: (queueSoFar: readonly CardId[]) => void,
): Promise<CardId[]> {
  const steps = studyQueueSteps(decks, states, settings, nowMillis, deckSettings);
  let told = false;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (!told && step.value.length > 0) {
      told = true;
      onFirstCards?.([...step.value]);
    }
    await nextTask();
  }
}

/** `studyQueue`, pausing before each deck with the queue so far. */
function* studyQueueSteps(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
  deckSettings?: readonly QueueSettings[],
): Generator<readonly CardId[], CardId[]> {
  const deckQueueOf = deckQueuesAt(states, settings, nowMillis);
  const queue: CardId[] = [];
  for (const [index, studyCardIds] of decks.entries()) {
    yield queue;
    for (const id of deckQueueOf(studyCardIds, deckSettings?.[index])) queue.push(id);
  }
  if (queue.length > 0 || settings.learnAheadMinutes === 0) return queue;
  return learningDueBy(decks, states, nowMillis + settings.learnAheadMinutes * minuteMillis);
}

/**
 * Builds one deck's part of a session's queue at `nowMillis`, within the deck's own settings
 * (the global ones when none are given); the session's queue is the decks' parts in order.
 */
export function deckQueuesAt(
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
): (studyCardIds: readonly CardId[], deckSettings?: QueueSettings) => CardId[] {
  // Deck options set limits and retention only: every deck shares the day and the siblings rule,
  // so the topics answered today are found once, not in a pass over every state per deck.
  const answeredToday = settings.siblingsWait
    ? topicsAnsweredToday(
        states,
        startOfStudyDayMillis(nowMillis, settings.dayStartHour),
        nowMillis,
      )
    : undefined;
  return (studyCardIds, deckSettings = settings) =>
    buildReviewQueue(
      studyCardIds,
      states,
      studiedToday(studyCardIds, states, settings.dayStartHour, nowMillis),
      deckSettings,
      nowMillis,
      answeredToday,
    );
}

/**
 * Learn ahead, as Anki does: with nothing else due, the (re)learning cards due by `limitMillis`,
 * earliest first, so that a card answered Again comes back within the session instead of
 * leaving the learner to wait out its minute.
 */
function learningDueBy(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  limitMillis: number,
): CardId[] {
  const learning = new Map<CardId, CardState>();
  for (const studyCardIds of decks) {
    for (const id of studyCardIds) {
      const state = states.get(id);
      if (!state || !inLearningSteps(state.phase)) continue;
      if (state.dueAtMillis <= limitMillis) learning.set(id, state);
    }
  }
  return [...learning.values()]
    .sort((a, b) => a.dueAtMillis - b.dueAtMillis)
    .map((state) => state.cardId);
}

/** When a session's queue may next hold a card; undefined when the decks hold no card at all. */
export function comeBackAtMillis(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  settings: Pick<QueueSettings, 'dayStartHour' | 'learnAheadMinutes'>,
  nowMillis: number,
): number | undefined {
  const tomorrow = nextStudyDayStartMillis(nowMillis, settings.dayStartHour);
  const learnAheadMillis = settings.learnAheadMinutes * minuteMillis;
  let earliest: number | undefined;
  for (const studyCardIds of decks) {
    for (const id of studyCardIds) {
      const state = states.get(id);
      let atMillis: number;
      if (!state || state.phase === 'new') {
        // Not in today's queue, so held back by the daily limit or a sibling: tomorrow.
        atMillis = tomorrow;
      } else if (state.phase === 'review') {
        // A review card is due from the start of its study day; one due today that is not in the
        // queue waits for a sibling or the daily limit.
        atMillis = Math.max(
          tomorrow,
          startOfStudyDayMillis(state.dueAtMillis, settings.dayStartHour),
        );
      } else {
        atMillis = state.dueAtMillis - learnAheadMillis;
      }
      if (earliest === undefined || atMillis < earliest) earliest = atMillis;
    }
  }
  return earliest;
}

/** The first of these decks with a card to study now, to offer when a session ends. */
export function firstDeckToStudy<Deck extends { readonly studyCardIds: readonly CardId[] }>(
  decks: readonly Deck[],
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
): Deck | undefined {
  return decks.find(
    (deck) => studyQueue([deck.studyCardIds], states, settings, nowMillis).length > 0,
  );
}
