import { readFileSync } from 'node:fs';
import { compileDecks } from '../../src/compiler/compile-decks';
import type { DeckSource } from '../../src/domain/compile';
import type { Deck } from '../../src/domain/deck';

/** One markdown file as one deck: `#` the deck, `##` its sections, `###` its topics. */
export function singleFileSource(path: string, content: string): DeckSource {
  return { path, layout: 'single-file', files: [{ path, content }] };
}

/** A folder of per-topic files as one deck, each file named in it by `files`' keys. */
export function topicFolderSource(path: string, files: Record<string, string>): DeckSource {
  return {
    path,
    layout: 'topic-folder',
    files: Object.entries(files).map(([name, content]) => ({ path: `${path}/${name}`, content })),
  };
}

/** Sections of [title, description] topics, to be written out as one single-file document. */
export type Outline = Record<string, readonly (readonly [string, string])[]>;

export function outlineSource(title: string, outline: Outline): DeckSource {
  const lines = [`# ${title}`, ''];
  for (const [section, topics] of Object.entries(outline)) {
    lines.push(`## ${section}`, '');
    for (const [topic, description] of topics) lines.push(`### ${topic}`, '', description, '');
  }
  return singleFileSource(`${title}.md`, lines.join('\n'));
}

/** The one deck a source compiles to; a test that expects one fails loudly without it. */
export function compileOne(source: DeckSource): Deck {
  const deck = compileDecks([source]).decks[0];
  if (!deck) throw new Error(`${source.path} compiled to no deck`);
  return deck;
}

/** A single-file deck of the repository's `decks/` folder, compiled as the build bundles it. */
export function bundledSingleFileDeck(path: string): Deck {
  return compileOne(singleFileSource(path, readFileSync(path, 'utf8')));
}
