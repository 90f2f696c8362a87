import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { writeStatePages } from './idb-store-commits';
import type { TransactionScope } from './idb-transaction';
import { statePageOf, unpackStatePage } from './state-page';
import { StatePageSet } from './state-page-set';
import { keyPart, kindRange, statePageKey } from './store-keys';

// Repairing card state pages inside a transaction: a broken page or state is set aside and the
// states it held are rebuilt from the cards' logs. Loaded with the card-log reads, which replay.

/** Rebuilds these cards' states from their logs, in the same transaction. */
export type RebuildStates = (
  cardIds: readonly CardId[],
  next: (states: Map<CardId, CardState>) => void,
) => void;

/** Reads these state pages and repairs what fails validation; see `repairStatePages`. */
export function readStatePages<T>(
  scope: TransactionScope<T>,
  pageIndices: readonly number[],
  rebuild: RebuildStates,
  next: (pages: StatePageSet) => void,
): void {
  const requests = pageIndices.map((index) => scope.store.get(statePageKey(index)));
  scope.afterAll(requests, () => {
    const values = requests.map((request): unknown => request.result);
    repairStatePages(scope, pageIndices, values, rebuild, next);
  });
}

/**
 * Repairs state pages as read (`values`, one per page index): a broken page is set aside and the
 * states of its cards are rebuilt from their logs, as is a single broken state; the repaired
 * pages are written back at once.
 */
export function repairStatePages<T>(
  scope: TransactionScope<T>,
  pageIndices: readonly number[],
  values: readonly unknown[],
  rebuild: RebuildStates,
  next: (pages: StatePageSet) => void,
): void {
  const pages = new StatePageSet();
  const rebuilt: CardId[] = [];
  const brokenPages = new Set<number>();
  pageIndices.forEach((pageIndex, index) => {
    const value = values[index];
    if (value === undefined) return;
    const key = statePageKey(pageIndex);
    const unpacked = unpackStatePage(value, pageIndex);
    if (!unpacked.ok) {
      scope.quarantine.setAside(key, value, unpacked.reason);
      brokenPages.add(pageIndex);
      return;
    }
    pages.add(unpacked.value.states);
    for (const broken of unpacked.value.broken) {
      scope.quarantine.keepCopy([...key, broken.cardId], broken.value, broken.reason);
      rebuilt.push(broken.cardId);
      pages.markChanged(pageIndex);
    }
  });
  cardsOnPages(scope, brokenPages, (lost) => {
    for (const pageIndex of brokenPages) pages.markChanged(pageIndex);
    const cards = [...rebuilt, ...lost];
    rebuild(cards, (states) => {
      for (const id of cards) pages.set(id, states.get(id));
      writeStatePages(scope, pages);
      next(pages);
    });
  });
}

/** The cards with events whose states belong on these pages: what a lost page held. */
function cardsOnPages<T>(
  scope: TransactionScope<T>,
  pageIndices: ReadonlySet<number>,
  next: (cardIds: CardId[]) => void,
): void {
  if (pageIndices.size === 0) {
    next([]);
    return;
  }
  const keys = scope.store.getAllKeys(kindRange('event'));
  scope.afterAll([keys], () => {
    const cardIds = new Set<CardId>();
    for (const key of keys.result) {
      const id = keyPart(key, 1);
      if (id !== undefined && pageIndices.has(statePageOf(id))) cardIds.add(id as CardId);
    }
    next([...cardIds]);
  });
}
