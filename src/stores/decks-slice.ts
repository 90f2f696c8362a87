import type { StateCreator } from 'zustand/vanilla';
import type { DeckSource } from '../domain/compile';
import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type {
  ImportedDeckRecord,
  ImportedDeckRepository,
  OpenImportedDecksOptions,
} from '../storage/imported-deck-repository';
import type { ImportedDecks, ImportTarget } from './import-deck-sources';

export interface DecksDependencies {
  /** The decks built into the app: their summaries at once, each deck's cards on demand. */
  readonly bundledDecks: {
    readonly summaries: readonly DeckSummary[];
    readonly loaders: Readonly<Record<string, () => Promise<{ default: Deck }>>>;
  };
  readonly openImportedDeckRepository: (
    options: OpenImportedDecksOptions,
  ) => Promise<ImportedDeckRepository>;
  /**
   * True when this browser never stored an imported deck: start-up then leaves the database
   * uncreated, which on a new profile takes long enough to hold up the other IndexedDB requests.
   */
  readonly importedDecksMissing?: () => Promise<boolean>;
  /** When an import happens, in epoch ms. */
  readonly clock: () => number;
}

export interface DecksSlice {
  /** Bundled decks in build order, then imported decks by title. */
  readonly summaries: readonly DeckSummary[];
  readonly loadedDecks: Readonly<Record<string, Deck>>;
  /** Stored imported decks that could not be read and were skipped, one reason each. */
  readonly unreadableImports: readonly string[];
  /** Why imported decks live only in memory, lost when the tab closes; undefined when kept. */
  readonly importsNotKeptReason: string | undefined;
  /** Resolves to undefined when no deck has that id. */
  loadDeck(deckId: string): Promise<Deck | undefined>;
  /** The deck list, imported decks included, without loading any deck's cards. */
  loadSummaries(): Promise<readonly DeckSummary[]>;
  /**
   * Compiles and stores decks. A deck that compiles to the id of an imported deck replaces it:
   * that is an edit, and progress stays with every card id that remains. `sharedTopics` names,
   * for each imported deck that has any, the other decks holding some of its topics.
   */
  importDeckSources(
    sources: readonly DeckSource[],
    options?: {
      /** When the decks were imported, if not now: a deck arriving by sync keeps its time. */
      readonly importedAtMillis?: number;
    },
  ): Promise<ImportedDecks>;
  /** The sources of every imported deck, as stored (for backups). */
  importedSources(): Promise<DeckSource[]>;
  /** Every imported deck's record, as stored: source and import time (for sync). */
  importedDeckRecords(): Promise<ImportedDeckRecord[]>;
  /** Forgets an imported deck; its progress stays in the review log. */
  removeImportedDeck(deckId: string): Promise<void>;
}

export const createDecksSlice =
  (deps: DecksDependencies): StateCreator<DecksSlice, [], [], DecksSlice> =>
  (set, get) => {
    const { summaries: bundledDeckSummaries, loaders: bundledDeckLoaders } = deps.bundledDecks;
    const bundledDeckIds = bundledDeckSummaries.map((summary) => summary.id as string);
    let repository: Promise<ImportedDeckRepository> | undefined;
    let importedLoading: Promise<void> | undefined;
    /**
     * Compiled deck id → the record it came from. The two ids differ only when a newer compiler or a
     * new bundled deck gave a stored deck another id; removing it must then delete the stored key.
     */
    const importedRecords = new Map<string, ImportedDeckRecord>();
    /** Compiled deck id → its line in the deck list, made when the deck was compiled. */
    const importedSummaries = new Map<string, DeckSummary>();
    // The card on screen and the prefetch of the next one often ask for the same deck at once; one
    // fetch and parse serves both. A settled load is forgotten: the deck is kept in `loadedDecks`,
    // and a failed one is tried again when asked again.
    const pendingLoads = new Map<string, Promise<Deck | undefined>>();

    function openRepository(): Promise<ImportedDeckRepository> {
      repository ??= deps.openImportedDeckRepository({
        onUnreadable: (deckId, reason) =>
          set((state) => ({
            unreadableImports: [...new Set([...state.unreadableImports, `${deckId}: ${reason}`])],
          })),
        onNotKept: (reason) => set({ importsNotKeptReason: reason }),
      });
      return repository;
    }

    function withImported(loadedDecks: Readonly<Record<string, Deck>>) {
      const imported = [...importedRecords.keys()]
        .filter((deckId) => loadedDecks[deckId] !== undefined)
        .map((deckId) => importedSummaries.get(deckId))
        .filter((summary): summary is DeckSummary => summary !== undefined)
        .sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en'));
      return { loadedDecks, summaries: [...bundledDeckSummaries, ...imported] };
    }

    // The compiler's front door loads only when there are imported decks to compile: most starts
    // have none, and the first screen's budget is tight.
    async function loadImported() {
      try {
        if (!repository && (await deps.importedDecksMissing?.().catch(() => false))) return;
        const records = await (await openRepository()).list();
        if (records.length === 0) return;
        const { compileImportedRecords } = await import('./compile-imported-records');
        const compiled = await compileImportedRecords(records, bundledDeckIds);
        const loaded = { ...get().loadedDecks };
        for (const { deck, summary, record } of compiled) {
          importedRecords.set(deck.id, record);
          importedSummaries.set(deck.id, summary);
          loaded[deck.id] = deck;
        }
        set(withImported(loaded));
      } catch (error) {
        // Bundled decks still work; the home page says why imported ones are missing.
        set((state) => ({
          unreadableImports: [
            ...state.unreadableImports,
            `imported decks could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          ],
        }));
      }
    }

    function ensureImported(): Promise<void> {
      importedLoading ??= loadImported();
      return importedLoading;
    }

    async function loadDeckNow(deckId: string): Promise<Deck | undefined> {
      const load = Object.hasOwn(bundledDeckLoaders, deckId)
        ? bundledDeckLoaders[deckId]
        : undefined;
      if (!load) {
        await ensureImported();
        return get().loadedDecks[deckId];
      }
      const deck = (await load()).default;
      set((state) => ({ loadedDecks: { ...state.loadedDecks, [deckId]: deck } }));
      return deck;
    }

    // What an import needs of this slice; the import itself loads only when a learner imports.
    const importTarget: ImportTarget = {
      bundledDeckIds,
      importedRecords,
      openRepository,
      summaries: () => get().summaries,
      loadedDecks: () => get().loadedDecks,
      showImported(loadedDecks, summaries) {
        for (const summary of summaries) importedSummaries.set(summary.id, summary);
        set(withImported(loadedDecks));
      },
      async readImportedAgain() {
        importedRecords.clear();
        importedSummaries.clear();
        set(withImported({}));
        importedLoading = loadImported();
        await importedLoading;
      },
    };

    return {
      summaries: bundledDeckSummaries,
      loadedDecks: {},
      unreadableImports: [],
      importsNotKeptReason: undefined,
      loadDeck(deckId) {
        const loaded = get().loadedDecks[deckId];
        if (loaded) return Promise.resolve(loaded);
        let loading = pendingLoads.get(deckId);
        if (!loading) {
          loading = loadDeckNow(deckId).finally(() => pendingLoads.delete(deckId));
          pendingLoads.set(deckId, loading);
        }
        return loading;
      },
      async loadSummaries() {
        await ensureImported();
        return get().summaries;
      },
      async importDeckSources(sources, options) {
        await ensureImported();
        const { importDeckSources } = await import('./import-deck-sources');
        return importDeckSources(importTarget, sources, options?.importedAtMillis ?? deps.clock());
      },
      async importedSources() {
        return (await get().importedDeckRecords()).map((record) => record.source);
      },
      async importedDeckRecords() {
        await ensureImported();
        return (await openRepository()).list();
      },
      async removeImportedDeck(deckId) {
        await ensureImported();
        const record = importedRecords.get(deckId);
        if (!record) throw new Error(`No imported deck with id ${deckId}`);
        await (await openRepository()).remove(record.deckId);
        importedRecords.delete(deckId);
        importedSummaries.delete(deckId);
        const { [deckId]: _removed, ...loaded } = get().loadedDecks;
        set(withImported(loaded));
      },
    };
  };
