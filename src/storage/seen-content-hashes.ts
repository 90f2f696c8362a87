import { createStore, entries, set, type UseStore } from 'idb-keyval';
import type { CardId } from '../domain/ids';

/**
 * The content hash of each card as it was at its last review, to mark cards a deck edit changed.
 * Kept apart from the review log: it says what the learner saw, not what they answered, and losing
 * it loses no progress.
 */
export interface SeenContentHashes {
  load(): Promise<Map<CardId, string>>;
  remember(cardId: CardId, contentHash: string): Promise<void>;
}

export function idbSeenContentHashes(
  store: UseStore = createStore('recallmap-seen-cards', 'hashes'),
): SeenContentHashes {
  return {
    async load() {
      const hashes = new Map<CardId, string>();
      for (const [key, value] of await entries(store)) {
        if (typeof key === 'string' && typeof value === 'string') hashes.set(key as CardId, value);
      }
      return hashes;
    },
    remember: (cardId, contentHash) => set(cardId, contentHash, store),
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
