import { summarizeDeck } from '../compiler/summarize-deck';
import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type { ImportedDeckRecord } from '../storage/imported-deck-repository';
import { compileDeckSources } from './compile-deck-sources';
import { pairWithSources } from './pair-with-sources';

// Loaded only when this browser has imported decks: most starts have none, and the first screen's
// budget is tight.

/** A stored imported deck, compiled: the deck, its line in the deck list, and its record. */
export interface CompiledImport {
  readonly deck: Deck;
  readonly summary: DeckSummary;
  readonly record: ImportedDeckRecord;
}

/** An imported deck's summary, marked as imported. */
export function importedSummary(deck: Deck): DeckSummary {
  return { ...summarizeDeck(deck), imported: true };
}

/** Compiles the stored records again; warnings were shown when each deck was imported. */
export async function compileImportedRecords(
  records: readonly ImportedDeckRecord[],
  reservedDeckIds: readonly string[],
): Promise<CompiledImport[]> {
  const { decks } = await compileDeckSources(
    records.map((record) => record.source),
    reservedDeckIds,
  );
  const sources = records.map((record) => ({ path: record.source.path, record }));
  return pairWithSources(decks, sources).map(({ deck, source }) => ({
    deck,
    summary: importedSummary(deck),
    record: source.record,
  }));
}
