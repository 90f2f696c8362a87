import path from 'node:path';
import type { Plugin } from 'vite';
import { compileDecks } from '../src/compiler/compile-decks.ts';
import { summarizeDeck } from '../src/compiler/summarize-deck.ts';
import type { Deck } from '../src/domain/deck.ts';
import { listDeckPaths, readDeckSources } from './read-deck-sources.ts';

const indexId = 'virtual:recallmap/bundled-decks';
const deckIdPrefix = 'virtual:recallmap/deck/';
const resolved = (id: string) => `\0${id}`;

/**
 * Compiles every deck in `decksDirs` when the app is built, so the app needs nothing but a
 * static server. The index module holds only what the home page shows; each deck's full JSON is
 * its own module behind a dynamic import, so it becomes a lazy chunk of its own.
 */
export function bundledDecks(decksDirs: readonly string[]): Plugin {
  let decks: Deck[] = [];

  async function compileAll(warn: (message: string) => void) {
    const paths = (await Promise.all(decksDirs.map(listDeckPaths))).flat();
    const { sources, errors } = await readDeckSources(paths);
    for (const error of errors) throw new Error(`${error.path}: error: ${error.message}`);
    const result = compileDecks(sources);
    for (const warning of result.warnings) {
      warn(`${warning.path}:${warning.line}: warning: ${warning.message}`);
    }
    decks = [...result.decks];
  }

  return {
    name: 'recallmap-bundled-decks',
    async buildStart() {
      await compileAll((message) => this.warn(message));
      for (const decksDir of decksDirs) this.addWatchFile(decksDir);
    },
    resolveId(id) {
      if (id === indexId || id.startsWith(deckIdPrefix)) return resolved(id);
      return undefined;
    },
    load(id) {
      if (id === resolved(indexId)) return indexModule(decks);
      if (id.startsWith(resolved(deckIdPrefix))) {
        const wanted = id.slice(resolved(deckIdPrefix).length);
        const deck = decks.find((candidate) => candidate.id === wanted);
        if (!deck) throw new Error(`No bundled deck with id ${wanted}`);
        // JSON.parse of a string literal is faster to start than the same object as JS source.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(deck))});`;
      }
      return undefined;
    },
    async handleHotUpdate(context) {
      if (!decksDirs.some((decksDir) => context.file.startsWith(path.resolve(decksDir)))) return;
      await compileAll((message) => context.server.config.logger.warn(message));
      for (const module of context.server.moduleGraph.idToModuleMap.values()) {
        if (module.id?.startsWith('\0virtual:recallmap/')) {
          context.server.moduleGraph.invalidateModule(module);
        }
      }
      context.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

function indexModule(decks: readonly Deck[]): string {
  const summaries = decks.map(summarizeDeck);
  const loaders = decks
    .map(
      (deck) =>
        `  ${JSON.stringify(deck.id)}: () => import(${JSON.stringify(deckIdPrefix + deck.id)}),`,
    )
    .join('\n');
  return [
    `export const bundledDeckSummaries = ${JSON.stringify(summaries)};`,
    `export const bundledDeckLoaders = {\n${loaders}\n};`,
  ].join('\n');
}
