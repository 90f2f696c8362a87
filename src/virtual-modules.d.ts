declare module 'virtual:recallmap/bundled-decks' {
  import type { Deck } from './domain/deck';
  import type { DeckSummary } from './domain/deck-summary';

  export const bundledDeckSummaries: readonly DeckSummary[];
  export const bundledDeckLoaders: Readonly<Record<string, () => Promise<{ default: Deck }>>>;
}

/** ts-fsrs under a second module id, for the first screen: see vite.config.ts. */
declare module 'ts-fsrs/forgetting-curve' {
  export { default_w, forgetting_curve } from 'ts-fsrs';
}
