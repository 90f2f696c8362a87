import { compileDecks } from '../../src/compiler/compile-decks';
import type { DeckSource } from '../../src/domain/compile';
import type { Deck } from '../../src/domain/deck';

/** A deck compiled from one file: a heading per topic, each with a sentence of its own. */
function compileDeck(title: string, topics: readonly string[]): Deck {
  const source: DeckSource = {
    path: `${title}.md`,
    layout: 'single-file',
    files: [
      {
        path: `${title}.md`,
        content: `# ${title}\n\n## Basics\n\n${topics
          .map((topic) => `### ${topic}\n\n${topic} grow in the ${title} orchard.\n`)
          .join('\n')}`,
      },
    ],
  };
  const deck = compileDecks([source]).decks[0];
  if (!deck) throw new Error(`${title} compiled to no deck`);
  return deck;
}

/** Three small decks of two topics each: four study cards a deck, twelve in all. */
export const orchardDecks = {
  alpha: compileDeck('Alpha', ['Apples', 'Apricots']),
  beta: compileDeck('Beta', ['Bananas', 'Blueberries']),
  gamma: compileDeck('Gamma', ['Cherries', 'Coconuts']),
};
