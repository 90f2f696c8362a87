import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';
import { statePageOf } from './state-page';

/**
 * The content hash of each card as it was at its last review, to mark cards a deck edit changed.
 * Kept apart from the review log: it says what the learner saw, not what they answered, and losing
 * it loses no progress.
 */
export interface SeenContentHashes {
  load(): Promise<Map<CardId, string>>;
  remember(cardId: CardId, contentHash: string): Promise<void>;
}

/** One page: the hashes of the cards whose ids hash to it, as the card state pages do. */
interface HashPage {
  readonly cardIds: readonly string[];
  readonly hashes: readonly string[];
}

// Keys: ['page', n] holds a HashPage. The first layout kept one string per card under the card id
// itself; strings sort before arrays, so those keys are the range below.
const pageRange = () => IDBKeyRange.bound(['page'], ['page', []]);
const perCardRange = () => IDBKeyRange.bound('', [], false, true);
const pageKey = (pageIndex: number) => ['page', pageIndex];

function isHashPage(value: unknown): value is HashPage {
  const page = value as Partial<HashPage> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.cardIds) &&
    Array.isArray(page.hashes) &&
    page.cardIds.length === page.hashes.length
  );
}

function pageOfHashes(hashes: ReadonlyMap<string, string>, pageIndex: number): HashPage {
  const cardIds = [...hashes.keys()].filter((id) => statePageOf(id) === pageIndex);
  return { cardIds, hashes: cardIds.map((id) => hashes.get(id) ?? '') };
}

/**
 * Hashes in IndexedDB, packed in pages so that start-up reads them in one request however many
 * cards were reviewed. Hashes kept one per record by earlier versions are moved into pages the
 * first time they are loaded.
 *
 * Remembered hashes are written together, `flushDelayMillis` after the first of them: a page
 * rewrite per answer would compete with the next answer's commit for the database. A tab closed
 * within that delay loses only a "changed" mark, never progress.
 */
export function idbSeenContentHashes(
  store: UseStore = createStore('recallmap-seen-cards', 'hashes'),
  flushDelayMillis = 1000,
): SeenContentHashes {
  let pending = new Map<CardId, string>();
  let flushing: Promise<void> | undefined;
  let flushNow: (() => void) | undefined;
  // A page being left writes what waits at once.
  globalThis.addEventListener?.('pagehide', () => flushNow?.());

  const flush = () =>
    store('readwrite', async (objectStore) => {
      const batch = pending;
      pending = new Map();
      flushing = undefined;
      flushNow = undefined;
      const byPage = new Map<number, [CardId, string][]>();
      for (const entry of batch) {
        const pageIndex = statePageOf(entry[0]);
        byPage.set(pageIndex, [...(byPage.get(pageIndex) ?? []), entry]);
      }
      const pages = await Promise.all(
        [...byPage.keys()].map((pageIndex) =>
          promisifyRequest(objectStore.get(pageKey(pageIndex))),
        ),
      );
      [...byPage].forEach(([pageIndex, entries], index) => {
        const stored: unknown = pages[index];
        const hashes = new Map<string, string>();
        if (isHashPage(stored)) {
          stored.cardIds.forEach((id, at) => {
            hashes.set(id, stored.hashes[at] ?? '');
          });
        }
        for (const [id, hash] of entries) hashes.set(id, hash);
        objectStore.put(pageOfHashes(hashes, pageIndex), pageKey(pageIndex));
      });
      await promisifyRequest(objectStore.transaction);
    });

  return {
    load: () =>
      store('readwrite', async (objectStore) => {
        const [pages, oldKeys, oldValues] = await Promise.all([
          promisifyRequest(objectStore.getAll(pageRange())),
          promisifyRequest(objectStore.getAllKeys(perCardRange())),
          promisifyRequest(objectStore.getAll(perCardRange())),
        ]);
        const hashes = new Map<CardId, string>();
        for (const page of pages) {
          if (!isHashPage(page)) continue;
          page.cardIds.forEach((id, index) => {
            const hash = page.hashes[index];
            if (typeof id === 'string' && typeof hash === 'string') hashes.set(id as CardId, hash);
          });
        }
        if (oldKeys.length > 0) {
          const touched = new Set<number>();
          oldKeys.forEach((key, index) => {
            const hash: unknown = oldValues[index];
            if (typeof key !== 'string' || typeof hash !== 'string') return;
            hashes.set(key as CardId, hash);
            touched.add(statePageOf(key));
          });
          for (const pageIndex of touched) {
            objectStore.put(pageOfHashes(hashes, pageIndex), pageKey(pageIndex));
          }
          objectStore.delete(perCardRange());
        }
        // Not yet written, and newer than what is stored.
        for (const [id, hash] of pending) hashes.set(id, hash);
        return hashes;
      }),
    remember(cardId, contentHash) {
      pending.set(cardId, contentHash);
      if (!flushing) {
        let start: () => void = () => {};
        flushing = new Promise<void>((resolve) => {
          start = resolve;
        }).then(flush);
        const timer = setTimeout(start, flushDelayMillis);
        flushNow = () => {
          clearTimeout(timer);
          start();
        };
      }
      return flushing;
    },
  };
}

export function inMemorySeenContentHashes(): SeenContentHashes {
  const hashes = new Map<CardId, string>();
  return {
    load: async () => new Map(hashes),
    async remember(cardId, contentHash) {
      hashes.set(cardId, contentHash);
    },
  };
}
