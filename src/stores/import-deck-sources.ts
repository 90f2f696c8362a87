import { type SharedTopics, topicsSharedWith } from '../deck-edits/shared-topics';
import type { CompileWarning, DeckSource } from '../domain/compile';
import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type {
  ImportedDeckRecord,
  ImportedDeckRepository,
} from '../storage/imported-deck-repository';
import { compileDeckSources } from './compile-deck-sources';
import { importedSummary } from './compile-imported-records';
import { pairWithSources } from './pair-with-sources';

// Importing decks, loaded when a learner imports (or a backup or sync brings decks), not with
// the first screen.

/** What an import needs of the decks slice. */
export interface ImportTarget {
  readonly bundledDeckIds: readonly string[];
  /** Compiled deck id → the stored record it came from; an import adds to it. */
  readonly importedRecords: Map<string, ImportedDeckRecord>;
  openRepository(): Promise<ImportedDeckRepository>;
  summaries(): readonly DeckSummary[];
  loadedDecks(): Readonly<Record<string, Deck>>;
  /**
   * Shows these loaded decks, the imported ones among them in the deck list; `summaries` are the
   * decks this import compiled.
   */
  showImported(
    loadedDecks: Readonly<Record<string, Deck>>,
    summaries: readonly DeckSummary[],
  ): void;
  /** Forgets the imported decks in memory and reads them back from storage, as at start-up. */
  readImportedAgain(): Promise<void>;
}

/** What an import did: see `DecksSlice.importDeckSources`. */
export interface ImportedDecks {
  deckIds: string[];
  warnings: CompileWarning[];
  sharedTopics: Readonly<Record<string, readonly SharedTopics[]>>;
  /** Puts back the decks as they were before this import: a backup's import that fails after it. */
  restore: () => Promise<void>;
}

export async function importDeckSources(
  target: ImportTarget,
  sources: readonly DeckSource[],
  importedAtMillis: number,
): Promise<ImportedDecks> {
  const { importedRecords } = target;
  const result = await compileDeckSources(sources, target.bundledDeckIds);
  const pairs = pairWithSources(result.decks, sources);
  const records = pairs.map(({ deck, source }) => ({
    deckId: deck.id as string,
    source,
    importedAtMillis,
  }));
  const store = await target.openRepository();
  // The stored records the import replaces, kept to put back under their own keys.
  const replaced = records
    .map((record) => importedRecords.get(record.deckId))
    .filter((record): record is ImportedDeckRecord => record !== undefined);
  await store.put(records);
  for (const record of records) {
    // A deck stored under an older id that now compiles to this one: keep one copy only.
    const previous = importedRecords.get(record.deckId);
    if (previous && previous.deckId !== record.deckId) await store.remove(previous.deckId);
    importedRecords.set(record.deckId, record);
  }
  const loaded = { ...target.loadedDecks() };
  for (const { deck } of pairs) loaded[deck.id] = deck;
  const compiled = pairs.map(({ deck }) => importedSummary(deck));
  target.showImported(loaded, compiled);
  const summaries = target.summaries();
  const sharedTopics: Record<string, readonly SharedTopics[]> = {};
  for (const summary of compiled) {
    const shared = topicsSharedWith(summary, summaries);
    if (shared.length > 0) sharedTopics[summary.id] = shared;
  }
  const restore = async () => {
    const replacedKeys = new Set(replaced.map((record) => record.deckId));
    for (const { deckId } of records) if (!replacedKeys.has(deckId)) await store.remove(deckId);
    await store.put(replaced);
    // Then read back as at start-up; bundled decks load again when a page asks.
    await target.readImportedAgain();
  };
  return {
    deckIds: records.map((record) => record.deckId),
    warnings: [...result.warnings],
    sharedTopics,
    restore,
  };
}
