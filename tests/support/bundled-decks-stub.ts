// Stands in for the build's `virtual:recallmap/bundled-decks` in component tests (the plugin that
// writes it needs the decks folder); a test mocks it with the decks it needs.
import type { Deck } from '../../src/domain/deck';
import type { DeckSummary } from '../../src/domain/deck-summary';

export const bundledDeckSummaries: readonly DeckSummary[] = [];
export const bundledDeckLoaders: Readonly<Record<string, () => Promise<{ default: Deck }>>> = {};
