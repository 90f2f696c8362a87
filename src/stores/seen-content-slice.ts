import type { StateCreator } from 'zustand/vanilla';
import type { CardId } from '../domain/ids';
import type { SeenContentHashes } from '../storage/seen-content-hashes';
import type { ProgressSlice } from './progress-slice';

export interface SeenContentDependencies {
  /** Kept in IndexedDB beside progress when that is persistent, else in memory. */
  readonly openSeenContentHashes: (persistent: boolean) => SeenContentHashes;
}

export interface SeenContentSlice {
  /** Each card's content hash at its last review, to mark cards a deck edit changed. */
  readonly seenContentHashes: ReadonlyMap<CardId, string>;
  /**
   * Reads the seen content hashes once, for the pages that mark changed cards (the deck page, the
   * study session); the others never read them. A card remembered meanwhile keeps its newer hash.
   */
  loadSeenContent(): Promise<void>;
  /** Records the text a card had when it was answered; a failure here loses no progress. */
  rememberSeenContent(cardId: CardId, contentHash: string): void;
}

export function createSeenContentSlice(
  deps: SeenContentDependencies,
): StateCreator<ProgressSlice & SeenContentSlice, [], [], SeenContentSlice> {
  return (set, get) => {
    // In memory until storage has opened; then beside progress, if progress is kept at all.
    let opened: { readonly persistent: boolean; readonly hashes: SeenContentHashes } | undefined;
    let loading: Promise<void> | undefined;

    function hashes(): SeenContentHashes {
      const persistent = get().storageOpen && get().persistent;
      if (opened?.persistent !== persistent) {
        opened = { persistent, hashes: deps.openSeenContentHashes(persistent) };
      }
      return opened.hashes;
    }

    return {
      seenContentHashes: new Map(),
      loadSeenContent() {
        loading ??= get()
          .init()
          .then(() => hashes().load())
          .catch(() => new Map<CardId, string>())
          .then((loaded) => {
            set((current) => ({
              seenContentHashes: new Map([...loaded, ...current.seenContentHashes]),
            }));
          });
        return loading;
      },
      rememberSeenContent(cardId, contentHash) {
        if (get().seenContentHashes.get(cardId) === contentHash) return;
        set((current) => ({
          seenContentHashes: new Map(current.seenContentHashes).set(cardId, contentHash),
        }));
        hashes()
          .remember(cardId, contentHash)
          .catch(() => {
            // Only the "changed" mark depends on it; the review itself is already stored.
          });
      },
    };
  };
}
