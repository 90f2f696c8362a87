import { bundledDeckLoaders, bundledDeckSummaries } from 'virtual:recallmap/bundled-decks';
import { create } from 'zustand';
import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';

interface DeckCatalogState {
  readonly summaries: readonly DeckSummary[];
  readonly loadedDecks: Readonly<Record<string, Deck>>;
  /** Resolves to undefined when no deck has that id. */
  loadDeck(deckId: string): Promise<Deck | undefined>;
  /** Every deck, in catalog order. */
  loadAllDecks(): Promise<Deck[]>;
}

export const useDeckCatalog = create<DeckCatalogState>()((set, get) => ({
  summaries: bundledDeckSummaries,
  loadedDecks: {},
  async loadDeck(deckId) {
    const loaded = get().loadedDecks[deckId];
    if (loaded) return loaded;
    const load = Object.hasOwn(bundledDeckLoaders, deckId) ? bundledDeckLoaders[deckId] : undefined;
    if (!load) return undefined;
    const deck = (await load()).default;
    set((state) => ({ loadedDecks: { ...state.loadedDecks, [deckId]: deck } }));
    return deck;
  },
  async loadAllDecks() {
    const decks = await Promise.all(get().summaries.map((summary) => get().loadDeck(summary.id)));
    return decks.filter((deck): deck is Deck => deck !== undefined);
  },
}));
