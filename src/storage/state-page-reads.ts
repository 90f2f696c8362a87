import type { UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { taskSlices } from '../domain/task-slices';
import { runTransaction } from './idb-transaction';
import { nextTask } from './next-task';
import { readSettings } from './read-settings';
import type { SchedulerLoading } from './scheduler-loading';
import { type OrSchedulerNeeded, schedulerNeeded } from './scheduler-needed';
import type { StatePagePart } from './startup-read';
import { statePagesOf, unpackStatePage } from './state-page';
import { numericKeyPart, statePageKey } from './store-keys';

// Reading card state pages as start-up and other tabs' commits do: sound pages are only read. A
// page that fails validation is left for the repair (`state-page-repair.ts`), which loads with
// the card-log reads, since rebuilding a state replays its card.

/**
 * Reads and unpacks every stored page, part by part, in slices of main-thread time with a task
 * boundary between them; a page that fails validation, or holds a state that does, is listed as
 * damaged for the repair.
 */
export async function unpackInSlices(
  pageParts: readonly StatePagePart[],
): Promise<{ states: Map<CardId, CardState>; damagedPages: number[] }> {
  const states = new Map<CardId, CardState>();
  const damagedPages: number[] = [];
  const slices = taskSlices(nextTask);
  for (const part of pageParts) {
    if (slices.spent) await slices.next();
    for (const { key, value } of part()) {
      if (slices.spent) await slices.next();
      const pageIndex = numericKeyPart(key, 1) ?? -1;
      const unpacked = unpackStatePage(value, pageIndex);
      if (!unpacked.ok || unpacked.value.broken.length > 0) {
        damagedPages.push(pageIndex);
        continue;
      }
      for (const state of unpacked.value.states) states.set(state.cardId, state);
    }
  }
  return { states, damagedPages };
}

/** The states on pages read in a transaction, by card (a `StatePageSet` after a repair). */
interface StatesRead {
  get(cardId: CardId): CardState | undefined;
}

/** The states on pages as read (`values`, one per page index); undefined when any needs repair. */
function soundPages(
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

/**
 * Reads the pages of these cards. Sound pages are only read; when one fails validation, the
 * card-log reads repair them in this transaction, or, until they have loaded, it stops for them.
 */
export function readCardStates(
  database: UseStore,
  loading: SchedulerLoading,
  cardIds: readonly CardId[],
): Promise<OrSchedulerNeeded<Map<CardId, CardState>>> {
  return runTransaction(database, 'readwrite', 'Reading card states', (scope) => {
    readSettings(scope, (settings) => {
      const pageIndices = statePagesOf(cardIds);
      const requests = pageIndices.map((index) => scope.store.get(statePageKey(index)));
      scope.afterAll(requests, () => {
        const values = requests.map((request): unknown => request.result);
        const finish = (pages: StatesRead) => {
          const found = new Map<CardId, CardState>();
          for (const id of cardIds) {
            const state = pages.get(id);
            if (state) found.set(id, state);
          }
          scope.finish(found);
        };
        const sound = soundPages(pageIndices, values);
        const cardLogs = loading.cardLogs;
        if (sound) finish(sound);
        else if (!cardLogs) scope.abandon(schedulerNeeded);
        else {
          const logs = new cardLogs.CardLogs(scope, loading.schedulerIn(scope));
          logs.repairStatePages(pageIndices, values, settings, finish);
        }
      });
    });
  });
}
