import type { CompileResult, CompileWarning, DeckSource } from '../domain/compile';
import type { Deck } from '../domain/deck';
import { deckId } from '../domain/ids';
import { buildDeck } from './build-deck';
import { claimUniqueId } from './claim-unique-id';
import { draftSingleFileDeck } from './draft-single-file-deck';
import { draftTopicFolderDeck } from './draft-topic-folder-deck';

export interface CompileOptions {
  /** Ids no compiled deck may take, such as the bundled decks' when compiling an import. */
  readonly reservedDeckIds?: ReadonlySet<string>;
}

/**
 * Compiles deck sources into decks, cards and quiz items. Pure and deterministic: the same input
 * gives byte-identical output. Nothing in the input makes it throw; whatever it cannot use is
 * dropped with a warning naming the file and line. A source without a usable topic yields no deck.
 * Deck ids clash-free within the result and never reserved: the later deck gets `-2`, `-3`…
 */
export function compileDecks(
  sources: readonly DeckSource[],
  options: CompileOptions = {},
): CompileResult {
  const warnings: CompileWarning[] = [];
  const decks: Deck[] = [];
  const takenIds = new Set(options.reservedDeckIds ?? []);
  for (const source of sources) {
    const draft =
      source.layout === 'single-file'
        ? draftSingleFileDeck(source, warnings)
        : draftTopicFolderDeck(source, warnings);
    if (draft.sections.length === 0) {
      warnings.push({
        path: source.path,
        line: 0,
        message: 'no topic with a description, no deck',
      });
      continue;
    }
    const id = claimUniqueId(draft.idBase, takenIds);
    if (id !== draft.idBase) {
      warnings.push({
        path: source.path,
        line: 0,
        message: `deck id ${draft.idBase} is taken by another deck; this deck's id is ${id}`,
      });
    }
    decks.push(buildDeck(draft, deckId(id), source.path, warnings));
  }
  return { decks, warnings };
}
