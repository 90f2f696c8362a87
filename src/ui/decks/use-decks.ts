import { useEffect, useState } from 'react';
import type { Deck } from '../../domain/deck';
import type { DeckSummary } from '../../domain/deck-summary';
import { useAppStore, useAppStoreApi } from '../common/app-store';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'ready'; readonly value: T };

/** Runs `load` again whenever `key` changes, or the catalog does (an import, a removal). */
function useCatalogLoad<T>(load: () => Promise<T | undefined>, key: string): Loaded<T> {
  const summaries = useAppStore((state) => state.summaries);
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and the catalog name what `load` reads
  useEffect(() => {
    let cancelled = false;
    load().then(
      (value) => {
        if (cancelled) return;
        setState(value === undefined ? { status: 'missing' } : { status: 'ready', value });
      },
      (error: unknown) => {
        if (cancelled) return;
        setState({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, summaries]);
  return state;
}

/** One deck by id; `missing` when no bundled or imported deck has it. */
export function useDeck(deckId: string): Loaded<Deck> {
  const store = useAppStoreApi();
  return useCatalogLoad(() => store.getState().loadDeck(deckId), deckId);
}

/** The deck list with each deck's card ids: all the home page needs. */
export function useDeckSummaries(): Loaded<readonly DeckSummary[]> {
  const store = useAppStoreApi();
  return useCatalogLoad(() => store.getState().loadSummaries(), 'summaries');
}
