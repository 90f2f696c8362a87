import type { CardId } from '../domain/ids';
import { type CardState, cardPhases } from '../domain/progress';
import { type PackedStatePage, stateFields, statePageOf } from './state-page';

// Writing state pages: packing them, and the pages a transaction changed. Reading them
// (`state-page.ts`) is all start-up needs, so this loads with the first write or repair.

const fieldCount = stateFields.length;

/** Packs states into a page of numbers (`stateFields` each), the form pages are stored in. */
export function packStatePage(states: Iterable<CardState>): PackedStatePage {
  const list = [...states];
  const numbers = new Float64Array(list.length * fieldCount);
  list.forEach((state, index) => {
    const base = index * fieldCount;
    numbers[base] = state.dueAtMillis;
    numbers[base + 1] = state.stability;
    numbers[base + 2] = state.difficulty;
    numbers[base + 3] = state.elapsedDays;
    numbers[base + 4] = state.scheduledDays;
    numbers[base + 5] = state.learningSteps;
    numbers[base + 6] = state.reps;
    numbers[base + 7] = state.lapses;
    numbers[base + 8] = cardPhases.indexOf(state.phase);
    numbers[base + 9] = state.lastReviewAtMillis ?? Number.NaN;
    numbers[base + 10] = state.firstReviewAtMillis;
    numbers[base + 11] = state.lastDueReviewAtMillis ?? Number.NaN;
  });
  return { cardIds: list.map((state) => state.cardId), numbers };
}

/**
 * The states of the pages one transaction read, with the pages it changed: `packChanged` gives
 * what to write back, so each changed page is written once however many of its cards changed.
 * One map for every state read: start-up hands it on as it is.
 */
export class StatePageSet {
  private readonly byCard = new Map<CardId, CardState>();
  private readonly changed = new Set<number>();

  /** Takes the states of a page as read; they must all belong on it. */
  add(states: readonly CardState[]): void {
    for (const state of states) this.byCard.set(state.cardId, state);
  }

  get(cardId: CardId): CardState | undefined {
    return this.byCard.get(cardId);
  }

  /** Stores or (with undefined) removes a card's state. */
  set(cardId: CardId, state: CardState | undefined): void {
    if (state) this.byCard.set(cardId, state);
    else this.byCard.delete(cardId);
    this.changed.add(statePageOf(cardId));
  }

  /** Marks a page to be written back, e.g. to drop a broken entry from it. */
  markChanged(pageIndex: number): void {
    this.changed.add(pageIndex);
  }

  /** Every state read, as the transaction left them. */
  states(): ReadonlyMap<CardId, CardState> {
    return this.byCard;
  }

  /** The changed pages, packed (undefined for a page left empty), and forgets the changes. */
  packChanged(): { pageIndex: number; page: PackedStatePage | undefined }[] {
    if (this.changed.size === 0) return [];
    const onPage = new Map<number, CardState[]>();
    for (const state of this.byCard.values()) {
      const pageIndex = statePageOf(state.cardId);
      if (!this.changed.has(pageIndex)) continue;
      const states = onPage.get(pageIndex);
      if (states) states.push(state);
      else onPage.set(pageIndex, [state]);
    }
    const packed = [...this.changed].map((pageIndex) => {
      const states = onPage.get(pageIndex);
      return { pageIndex, page: states ? packStatePage(states) : undefined };
    });
    this.changed.clear();
    return packed;
  }
}
