import type { DeckSummary } from '../domain/deck-summary';
import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { taskSlices } from '../domain/task-slices';
import { fsrsRecall } from '../scheduler/fsrs-recall';
import { type DeckMastery, deckMasteryInSlices } from '../scheduler/mastery';
import { type CardCounts, cardCountsByState } from './card-counts';

/** A deck's line on the statistics page: its mastery, and its cards by phase. */
export interface DeckFigures {
  readonly mastery: DeckMastery;
  readonly counts: CardCounts;
}

/** How the work is cut: see `taskSlices`. */
interface Slicing {
  readonly nextTask: () => Promise<void>;
  /** Aborted when newer states or a newer moment replaced these. */
  readonly signal: AbortSignal;
  readonly sliceMs?: number;
}

/**
 * The deck's figures, in slices of time, each new slice in a task from `nextTask`. Once `signal`
 * is aborted, the work stops at its next task and gives undefined.
 */
export async function deckFiguresInSlices(
  deck: Pick<DeckSummary, 'topicCardIds' | 'studyCardIds'>,
  states: ReadonlyMap<CardId, CardState>,
  nowMillis: number,
  horizonDays: number,
  { nextTask, signal, sliceMs }: Slicing,
): Promise<DeckFigures | undefined> {
  const slices = taskSlices(() => nextTask().then(() => signal.throwIfAborted()), sliceMs);
  try {
    const mastery = await deckMasteryInSlices(
      deck.topicCardIds,
      states,
      fsrsRecall,
      nowMillis,
      horizonDays,
      slices,
    );
    if (slices.spent) await slices.next();
    return { mastery, counts: cardCountsByState(deck.studyCardIds, states) };
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  }
}
