import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'vite';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { summarizeDeck } from '../../src/compiler/summarize-deck.ts';
import { warningLocation } from '../../src/compiler/warning-location.ts';
import type { Deck } from '../../src/domain/deck.ts';
import type { DeckSummary } from '../../src/domain/deck-summary.ts';
import { listDeckPaths, readDeckSources } from '../cli/read-deck-sources.ts';
import { deckPartTexts, joinDeckPartsSource } from './deck-parts.ts';

const indexId = 'virtual:recallmap/bundled-decks';
const resolvedIndexId = `\0${indexId}`;
/** Large decks' card ids, a module and a chunk of their own: see `summariesModules`. */
export const deckIdsModuleId = 'virtual:recallmap/bundled-deck-ids';
const resolvedDeckIdsId = `\0${deckIdsModuleId}`;

/** A deck's file, or one of its parts (`deck-parts.ts`). */
interface DeckFile {
  /** Under the build's output folder, with a content hash so caches never serve an old deck. */
  readonly fileName: string;
  readonly json: string;
}

/**
 * Compiles every deck in `decksDirs` when the app is built, so the app needs nothing but a
 * static server. The index module holds only what the home page shows (titles and card ids);
 * each deck's full content is a JSON file fetched when a page needs it. JSON rather than a JS
 * chunk: a browser keeps a script's source text alive beside the objects it built, which doubled
 * the memory a large deck cost.
 */
export function bundledDecks(decksDirs: readonly string[]): Plugin {
  let decks: Deck[] = [];
  let deckFiles = new Map<string, DeckFile[]>();
  let modules: SummariesModules = { summaries: '' };

  async function compileAll(warn: (message: string) => void) {
    const paths = (await Promise.all(decksDirs.map(listDeckPaths))).flat();
    const { sources, errors } = await readDeckSources(paths);
    for (const error of errors) throw new Error(`${error.path}: error: ${error.message}`);
    const result = compileDecks(sources);
    for (const warning of result.warnings) {
      warn(`${warningLocation(warning)}: warning: ${warning.message}`);
    }
    decks = [...result.decks];
    deckFiles = new Map(decks.map((deck) => [deck.id, filesOfDeck(deck)]));
    modules = summariesModules(decks.map(summarizeDeck));
  }

  return {
    name: 'recallmap-bundled-decks',
    async buildStart() {
      await compileAll((message) => this.warn(message));
      for (const decksDir of decksDirs) this.addWatchFile(decksDir);
    },
    resolveId(id) {
      if (id === indexId) return resolvedIndexId;
      return id === deckIdsModuleId ? resolvedDeckIdsId : undefined;
    },
    load(id) {
      if (id === resolvedIndexId) return indexModule(modules.summaries, decks, deckFiles);
      return id === resolvedDeckIdsId ? modules.ids : undefined;
    },
    generateBundle() {
      for (const { fileName, json } of [...deckFiles.values()].flat()) {
        this.emitFile({ type: 'asset', fileName, source: json });
      }
    },
    configureServer(server) {
      // The development server has no bundle: it answers deck requests from memory.
      server.middlewares.use((request, response, next) => {
        const wanted = request.url?.slice(1);
        const file = [...deckFiles.values()]
          .flat()
          .find((candidate) => candidate.fileName === wanted);
        if (!file) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/json');
        response.end(file.json);
      });
    },
    async handleHotUpdate(context) {
      if (!decksDirs.some((decksDir) => context.file.startsWith(path.resolve(decksDir)))) return;
      await compileAll((message) => context.server.config.logger.warn(message));
      for (const module of context.server.moduleGraph.idToModuleMap.values()) {
        if (module.id === resolvedIndexId || module.id === resolvedDeckIdsId) {
          context.server.moduleGraph.invalidateModule(module);
        }
      }
      context.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

/**
 * A deck's files: one, or a large deck's parts. The first is named as a whole deck's file is (the
 * start hints preload it by that name), the others after it: `<id>-<hash>.2.json` and on.
 */
function filesOfDeck(deck: Deck): DeckFile[] {
  const texts = deckPartTexts(deck);
  const hash = createHash('sha256').update(texts.join('\n')).digest('hex').slice(0, 10);
  return texts.map((json, index) => ({
    fileName: `assets/decks/${deck.id}-${hash}${index === 0 ? '' : `.${index + 1}`}.json`,
    json,
  }));
}

/** Summaries under this many characters of JSON stay one object literal in the module. */
const lazyIdsFromChars = 10_000;

/** True when the module can derive a summary's study card ids from its topics' ids. */
function derivableStudyIds(summary: DeckSummary): boolean {
  const derived = summary.topicCardIds.flat().filter((id) => !id.endsWith(':quiz'));
  return (
    derived.length === summary.studyCardIds.length &&
    derived.every((id, index) => id === summary.studyCardIds[index])
  );
}

/** The card kinds a topic's ids end with, by the letter that stands for each in a packed topic. */
const packedKinds: Readonly<Record<string, string>> = { t: 'term', r: 'recall', q: 'quiz' };
const kindLetters = new Map(Object.entries(packedKinds).map(([letter, kind]) => [kind, letter]));

/**
 * A topic's card ids as one string where they allow it: ids are the topic's key and the card's
 * kind, `<key>:term`, `<key>:recall`, `<key>:quiz`, so `<key>:trq` holds all three in a third of
 * the text. A topic whose ids differ in key, or end otherwise, stays a list.
 */
function packedTopic(cardIds: readonly string[]): string | readonly string[] {
  const at = cardIds[0]?.lastIndexOf(':') ?? -1;
  if (at < 0) return cardIds;
  const key = cardIds[0]?.slice(0, at + 1) ?? '';
  let letters = '';
  for (const id of cardIds) {
    const letter = id.startsWith(key) ? kindLetters.get(id.slice(key.length)) : undefined;
    if (letter === undefined) return cardIds;
    letters += letter;
  }
  return key + letters;
}

/** `packedTopic` undone, in the browser: each topic's ids as a list again. */
function unpackTopics(topics: readonly (string | readonly string[])[]): (readonly string[])[] {
  return topics.map((topic) => {
    if (typeof topic !== 'string') return topic;
    const at = topic.lastIndexOf(':');
    const key = topic.slice(0, at + 1);
    return Array.from(topic.slice(at + 1), (letter) => key + packedKinds[letter]);
  });
}

/** JSON text as a JavaScript string literal, for `JSON.parse`. */
function quoted(json: string): string {
  return `'${json.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** The modules of the `bundledDeckSummaries` export: see `summariesModules`. */
export interface SummariesModules {
  /** The code that exports `bundledDeckSummaries`. */
  readonly summaries: string;
  /** Large decks' ids as JSON text, imported by `summaries` from `deckIdsModuleId`. */
  readonly ids?: string;
}

/**
 * The `bundledDeckSummaries` export. The study card ids of a deck are its topics' term and
 * recall cards, in order: derived in the browser rather than shipped twice in the first screen's
 * code, unless a deck's differ.
 *
 * Small summaries (the app's own decks) are one object literal, which gzips smallest. Large ones
 * (a learner with 100,000 cards has as many ids) keep each deck's ids as JSON text, each topic's
 * packed into one string (`packedTopic`: a third of the text to fetch and parse before the first
 * screen can run), parsed when that deck's ids are first read: V8 parses JSON several times
 * faster than the same literal, and parsing every deck as the module ran held the first screen
 * for over 100 ms. The deck list shows `cardCount` without reading them, and each deck's counts
 * then read its own in a task of their own.
 *
 * That text is a module of its own, which the build puts in a chunk of its own (vite.config.ts),
 * so that the entry's source stays small. Where a debugger is attached (DevTools, or the bench's
 * Playwright), V8 takes a stack trace with line numbers for every Error created; React creates
 * several as its module runs, and numbering the lines of the entry's top-level frame re-parses the
 * entry's whole source: 70 ms and more of the first screen's longest task with 3 MB of ids in it.
 */
export function summariesModules(summaries: readonly DeckSummary[]): SummariesModules {
  const small = JSON.stringify(summaries).length < lazyIdsFromChars;
  if (small) {
    const derivable = summaries.map(derivableStudyIds);
    const literal = JSON.stringify(
      summaries.map(({ studyCardIds, topicCardIds, ...rest }, index) =>
        derivable[index] ? { ...rest, topicCardIds } : { ...rest, studyCardIds, topicCardIds },
      ),
    );
    const study = derivable.every(Boolean) ? '' : 'summary.studyCardIds ?? ';
    return {
      summaries: [
        `export const bundledDeckSummaries = ${literal}.map((summary) => ({`,
        '  ...summary,',
        `  studyCardIds: ${study}summary.topicCardIds.flat().filter((id) => !id.endsWith(':quiz')),`,
        '}));',
      ].join('\n'),
    };
  }
  const idsJson = summaries.map((summary) => {
    const texts = [quoted(JSON.stringify(summary.topicCardIds.map(packedTopic)))];
    if (!derivableStudyIds(summary)) texts.push(quoted(JSON.stringify(summary.studyCardIds)));
    return `  [${texts.join(', ')}],`;
  });
  const entries = summaries.map(
    ({ studyCardIds, topicCardIds, ...rest }, index) =>
      `  withLazyIds(${JSON.stringify(rest)}, ...deckIdsJson[${index}]),`,
  );
  return {
    ids: `export const deckIdsJson = [\n${idsJson.join('\n')}\n];`,
    summaries: [
      `import { deckIdsJson } from '${deckIdsModuleId}';`,
      `const packedKinds = ${JSON.stringify(packedKinds)};`,
      unpackTopics.toString(),
      'function withLazyIds(summary, topicsJson, studyJson) {',
      '  let topics;',
      '  let study;',
      '  const topicCardIds = () => (topics ??= unpackTopics(JSON.parse(topicsJson)));',
      '  return Object.defineProperties(summary, {',
      '    topicCardIds: { enumerable: true, get: topicCardIds },',
      '    studyCardIds: {',
      '      enumerable: true,',
      '      get: () =>',
      '        (study ??=',
      '          studyJson === undefined',
      "            ? topicCardIds().flat().filter((id) => !id.endsWith(':quiz'))",
      '            : JSON.parse(studyJson)),',
      '    },',
      '  });',
      '}',
      `export const bundledDeckSummaries = [\n${entries.join('\n')}\n];`,
    ].join('\n'),
  };
}

function indexModule(
  summaries: string,
  decks: readonly Deck[],
  files: ReadonlyMap<string, readonly DeckFile[]>,
): string {
  const urlsOf = (deck: Deck) => (files.get(deck.id) ?? []).map(({ fileName }) => `/${fileName}`);
  // The parts' code only where a deck has parts: the app's own decks keep the first screen small.
  const parted = decks.some((deck) => urlsOf(deck).length > 1);
  const loaders = decks
    .map((deck) => {
      const urls = parted ? urlsOf(deck) : urlsOf(deck)[0];
      return `  ${JSON.stringify(deck.id)}: () => fetchDeck(${JSON.stringify(urls)}),`;
    })
    .join('\n');
  const fetchJson = [
    'async function fetchJson(url) {',
    '  const response = await fetch(url);',
    // A failed fetch (offline before the first visit finished caching) must not pass as a deck.
    "  if (!response.ok) throw new Error('Could not load ' + url + ': HTTP ' + response.status);",
    '  return response.json();',
    '}',
  ];
  const fetchDeck = parted
    ? [
        joinDeckPartsSource,
        // Fetched together: each part's JSON is read and parsed in a task of its own.
        'async function fetchDeck(urls) {',
        '  return { default: joinDeckParts(...(await Promise.all(urls.map(fetchJson)))) };',
        '}',
      ]
    : ['async function fetchDeck(url) {', '  return { default: await fetchJson(url) };', '}'];
  return [
    summaries,
    ...fetchJson,
    ...fetchDeck,
    `export const bundledDeckLoaders = {\n${loaders}\n};`,
  ].join('\n');
}
