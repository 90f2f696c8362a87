import { findDeckCard } from '../domain/deck-card-lookup';
import type { CardId, DeckId } from '../domain/ids';
import {
  firstUnburialAfter,
  recordDeckCounts,
  recordStillHolds,
  studyDayStartsAfter,
} from '../scheduler/count-deck-record';
import { distinctSessionCardsInTasks } from '../scheduler/distinct-session-cards';
import { keepStudyHeads } from '../scheduler/keep-study-heads';
import { keepDueForecast } from '../scheduler/kept-due-forecast';
import type { KeptStudyHeads } from '../scheduler/kept-study-head';
import type { DeckCountsRecord, RecordedDeckCounts } from '../scheduler/recorded-deck-counts';
import { sessionQueueInputs } from '../scheduler/session-queue-inputs';
import { nextTask } from '../storage/next-task';
import type { AppState, AppStore } from './app-store';

// Keeps the home page's counts for the next start (see `recorded-deck-counts.ts`), with the
// statistics' forecast and the head of "Study all due" (`kept-study-head.ts`): a while after the
// states last changed, every deck is counted, one deck per task, from the states in memory, and
// stored with the change stamp those states were read or committed at. The store refuses them
// when its stamp has moved on, so counts of states another tab has since changed are never kept.

/** The parts of the state the record is counted from. */
function countedFrom(state: AppState) {
  return {
    ready: state.ready,
    changeStamp: state.changeStamp,
    states: state.states,
    controls: state.controls,
    settings: state.settings,
    summaries: state.summaries,
  };
}

type CountedFrom = ReturnType<typeof countedFrom>;

function sameInputs(a: CountedFrom, b: CountedFrom): boolean {
  return (Object.keys(a) as (keyof CountedFrom)[]).every((key) => a[key] === b[key]);
}

/** Counts every deck, a deck per task; undefined when the inputs change meanwhile. */
async function countDecks(
  store: AppStore,
  inputs: CountedFrom,
  changeStamp: string,
  nowMillis: number,
): Promise<DeckCountsRecord | undefined> {
  const dayStartsMillis = studyDayStartsAfter(nowMillis, inputs.settings.dayStartHour);
  const changed = () => !sameInputs(inputs, countedFrom(store.getState()));
  const decks: RecordedDeckCounts[] = [];
  for (const summary of inputs.summaries) {
    await nextTask();
    if (changed()) return undefined;
    const { states, controls } = inputs;
    decks.push(recordDeckCounts(summary, states, controls, nowMillis, dayStartsMillis));
  }
  const studyHeads = await keepAllDueHeads(store, inputs, nowMillis, dayStartsMillis, changed);
  if (!studyHeads || changed()) return undefined;
  return {
    changeStamp,
    countedAtMillis: nowMillis,
    dayStartsMillis,
    validUntilMillis: firstUnburialAfter(inputs.controls, nowMillis),
    decks,
    dueForecast: keepDueForecast(inputs.states.values(), dayStartsMillis),
    studyHeads,
  };
}

/** The heads of "Study all due" over every deck, a deck per task; undefined on a change. */
async function keepAllDueHeads(
  store: AppStore,
  inputs: CountedFrom,
  nowMillis: number,
  dayStartsMillis: readonly number[],
  changed: () => boolean,
): Promise<KeptStudyHeads | undefined> {
  const { summaries } = inputs;
  const studyIds = await distinctSessionCardsInTasks(
    summaries,
    (summary) => summary.studyCardIds,
    nextTask,
  );
  if (changed()) return undefined;
  const deckIds = summaries.map((summary) => summary.id);
  const queueInputs = sessionQueueInputs(studyIds, deckIds, inputs, nowMillis);
  // A deck that fails to load leaves its card out: the study page then shows it once loaded.
  const cardOf = (deckId: DeckId, cardId: CardId) =>
    store
      .getState()
      .loadDeck(deckId)
      .then((deck) => deck && findDeckCard(deck, cardId))
      .catch(() => undefined);
  // Changes meanwhile are checked once it is built: it reads the inputs it was given.
  return keepStudyHeads(queueInputs, deckIds, dayStartsMillis, nextTask, cardOf);
}

/**
 * From now on, keeps the deck counts `delayMillis` after the states, controls, settings or deck
 * list last changed. Returns a function that stops it.
 */
export function keepDeckCounts(
  store: AppStore,
  { delayMillis, clock }: { delayMillis: number; clock: () => number },
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let keptStamp: string | undefined;
  let keptSummaries: AppState['summaries'] | undefined;

  async function keep() {
    const inputs = countedFrom(store.getState());
    const { changeStamp } = inputs;
    const repository = inputs.ready ? store.getState().requireRepository() : undefined;
    if (!repository?.saveDeckCounts || changeStamp === undefined) return;
    if (changeStamp === keptStamp && inputs.summaries === keptSummaries) return;
    const nowMillis = clock();
    const handed = store.getState().recordedDeckCounts;
    if (handed && recordStillHolds(handed, changeStamp, inputs.summaries, nowMillis)) return;
    const record = await countDecks(store, inputs, changeStamp, nowMillis);
    // Inputs that changed meanwhile scheduled another count.
    if (!record) return;
    if (await repository.saveDeckCounts(record).catch(() => false)) {
      keptStamp = changeStamp;
      keptSummaries = inputs.summaries;
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void keep(), delayMillis);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (!sameInputs(countedFrom(state), countedFrom(previous))) schedule();
  });
  schedule();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
