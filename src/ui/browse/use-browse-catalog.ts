import { useEffect, useState } from 'react';
import { type BrowseCard, deckBrowseCards, mergeDeckCards } from '../../browse/browse-catalog';
import type { Deck } from '../../domain/deck';
import type { DeckId } from '../../domain/ids';
import { useAppStore, useAppStoreApi } from '../common/app-store';
import type { Loaded } from '../decks/use-decks';

export interface BrowseDeck {
  readonly id: DeckId;
  readonly title: string;
}

export interface Catalog {
  readonly cards: readonly BrowseCard[];
  readonly decks: readonly BrowseDeck[];
  /** Decks still loading: their cards join the list as each arrives. */
  readonly decksLoading: number;
}

/**
 * Every card of every deck, bundled and imported. Browse needs each card's text to show and
 * search it, so it loads every deck (each a chunk of its own). The list
 * shows as soon as the first deck is in, and grows as the others arrive: a hundred thousand
 * cards take seconds to load, and the first screen need not wait for the last deck. It loads
 * them again when the catalog changes (an import, a removal).
 */
export function useBrowseCatalog(): Loaded<Catalog> {
  const store = useAppStoreApi();
  const summaries = useAppStore((state) => state.summaries);
  const [loaded, setLoaded] = useState<Loaded<Catalog>>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the catalog names what is loaded
  useEffect(() => {
    let cancelled = false;
    const fail = (error: unknown) => {
      if (cancelled) return;
      setLoaded({
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
    };
    (async () => {
      const { loadSummaries, loadDeck } = store.getState();
      const all = await loadSummaries();
      // Each deck's cards, in the catalog's order, as they arrive.
      const perDeck: ({ deck: Deck; cards: BrowseCard[] } | undefined)[] = all.map(() => undefined);
      let pending = all.length;
      const publish = () => {
        if (cancelled) return;
        const present = perDeck.filter((entry) => entry !== undefined);
        setLoaded({
          status: 'ready',
          value: {
            cards: mergeDeckCards(present.map((entry) => entry.cards)),
            decks: present.map(({ deck }) => ({ id: deck.id, title: deck.title })),
            decksLoading: pending,
          },
        });
      };
      if (all.length === 0) publish();
      // One deck after another: decks loaded together are parsed back to back, and the list
      // could not be drawn before the last of them.
      for (const [index, summary] of all.entries()) {
        const deck = await loadDeck(summary.id);
        if (cancelled) return;
        pending -= 1;
        if (deck) perDeck[index] = { deck, cards: deckBrowseCards(deck) };
        publish();
      }
    })().catch(fail);
    return () => {
      cancelled = true;
    };
  }, [summaries]);
  return loaded;
}
