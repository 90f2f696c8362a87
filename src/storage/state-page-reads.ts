import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { unpackStatePage } from './state-page';
import { numericKeyPart, type StoredEntry } from './store-keys';

// Reading card state pages as start-up and other tabs' commits do: sound pages are only read. A
// page that fails validation is left for the repair (`state-page-repair.ts`), which loads with
// the card-log reads, since rebuilding a state replays its card.

/** A task boundary: lets input and timers run between slices of start-up work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** States unpacked between two task boundaries: about 15 ms of work. */
const statesPerSlice = 10_000;

/**
 * Unpacks every stored page, yielding to the event loop after each `statesPerSlice` states; a page
 * that fails validation, or holds a state that does, is listed as damaged for the repair.
 */
export async function unpackInSlices(
  pages: readonly StoredEntry[],
): Promise<{ states: Map<CardId, CardState>; damagedPages: number[] }> {
  const states = new Map<CardId, CardState>();
  const damagedPages: number[] = [];
  let sinceYield = 0;
  for (const { key, value } of pages) {
    if (sinceYield >= statesPerSlice) {
      sinceYield = 0;
      await nextTask();
    }
    const pageIndex = numericKeyPart(key, 1) ?? -1;
    const unpacked = unpackStatePage(value, pageIndex);
    if (!unpacked.ok || unpacked.value.broken.length > 0) {
      damagedPages.push(pageIndex);
      continue;
    }
    for (const state of unpacked.value.states) states.set(state.cardId, state);
    sinceYield += unpacked.value.states.length;
  }
  return { states, damagedPages };
}

/** The states on pages read in a transaction, by card (a `StatePageSet` after a repair). */
export interface StatesRead {
  get(cardId: CardId): CardState | undefined;
}

/** The states on pages as read (`values`, one per page index); undefined when any needs repair. */
export function soundPages(
  pageIndices: readonly number[],
  values: readonly unknown[],
): StatesRead | undefined {
  const states = new Map<CardId, CardState>();
  for (const [index, pageIndex] of pageIndices.entries()) {
    const value = values[index];
    if (value === undefined) continue;
    const unpacked = unpackStatePage(value, pageIndex);
    if (!unpacked.ok || unpacked.value.broken.length > 0) return undefined;
    for (const state of unpacked.value.states) states.set(state.cardId, state);
  }
  return states;
}
