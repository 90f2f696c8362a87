import type { Deck } from '../domain/deck';

/** Compiled decks keep their sources' order and name them by path; a source may yield none. */
export function pairWithSources<T extends { readonly path: string }>(
  decks: readonly Deck[],
  sources: readonly T[],
): { deck: Deck; source: T }[] {
  const pairs: { deck: Deck; source: T }[] = [];
  let next = 0;
  for (const deck of decks) {
    while (next < sources.length && sources[next]?.path !== deck.source) next++;
    const source = sources[next++];
    if (source) pairs.push({ deck, source });
  }
  return pairs;
}
