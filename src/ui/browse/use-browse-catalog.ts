import { useEffect, useState } from 'react';
import { type BrowseCard, browseCatalog } from '../../browse/browse-catalog';
import type { DeckId } from '../../domain/ids';
import type { Loaded } from '../decks/use-decks';
import { useAppStore, useAppStoreApi } from '../shared/app-store';

export interface BrowseDeck {
  readonly id: DeckId;
  readonly title: string;
}

export interface Catalog {
  readonly cards: readonly BrowseCard[];
  readonly decks: readonly BrowseDeck[];
}

/**
 * Every card of every deck, bundled and imported. Browse needs each card's text to show and
 * search it, so it loads every deck (each a chunk of its own, fetched in parallel); it loads them
 * again when the catalog changes (an import, a removal).
 */
export function useBrowseCatalog(): Loaded<Catalog> {
  const store = useAppStoreApi();
  const summaries = useAppStore((state) => state.summaries);
  const [loaded, setLoaded] = useState<Loaded<Catalog>>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the catalog names what is loaded
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { loadSummaries, loadDeck } = store.getState();
      const all = await loadSummaries();
      const decks = await Promise.all(all.map((summary) => loadDeck(summary.id)));
      const present = decks.filter((deck) => deck !== undefined);
      return {
        cards: browseCatalog(present),
        decks: present.map((deck) => ({ id: deck.id, title: deck.title })),
      };
    })().then(
      (value) => {
        if (!cancelled) setLoaded({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!cancelled) {
          setLoaded({
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [summaries]);
  return loaded;
}
