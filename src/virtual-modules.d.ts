declare module 'virtual:recallmap/bundled-decks' {
  import type { Deck } from './domain/deck';
  import type { DeckSummary } from './domain/deck-summary';

  export const bundledDeckSummaries: readonly DeckSummary[];
  export const bundledDeckLoaders: Readonly<Record<string, () => Promise<{ default: Deck }>>>;
}
