import path from 'node:path';
import { minifySync, type Plugin, type Rolldown } from 'vite';
import { earlyListingKey } from '../../src/storage/database-missing.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

// Without hints, a page's start is a chain of fetches: the entry chunk, then, once the entry has
// run, the page's chunk and the chunks it imports, the deck, and the listing of the origin's
// databases that tells a new profile from one with progress. A tiny module that index.html runs as
// soon as it arrives, without waiting for the entry, asks for those while the entry downloads.

/**
 * The pages whose chunks the hints fetch ahead, by the paths they serve (see app-routes.tsx). Each
 * costs `/` its chunks' names: those whose start has a budget of its own.
 */
const hintedPages: readonly { readonly path: RegExp; readonly source: string }[] = [
  // A deck's study page and "Study all due": the first card the learner asked for.
  { path: /^\/(study|decks\/[^/]+\/study)\/?$/, source: 'src/routes/study-page.tsx' },
  // The statistics page: at 100,000 cards its chunks, asked for only once the entry had run,
  // arrived 280 to 400 ms after the entry, while the browser was busy reading stored progress.
  { path: /^\/stats\/?$/, source: 'src/routes/stats-page.tsx' },
];

/**
 * The chunks every page's start imports once the entry has run, which the hints fetch ahead on
 * every page: on a cold start the reads of card controls and notes were asked for about 120 ms
 * after the entry had arrived, and came just before the first card, which waited for them.
 */
const everyPageSources: readonly string[] = ['src/storage/card-extras-reads.ts'];

/** The pages whose deck the hints fetch ahead: a deck's study page. */
const deckPath = /^\/decks\/[^/]+\/study\/?$/;

/** The chunk that holds a module: a page's own, or the group vite.config.ts puts it in. */
const chunkOf = (bundle: OutputBundle, sourcePath: string): OutputChunk | undefined =>
  Object.values(bundle).find(
    (file): file is OutputChunk =>
      file.type === 'chunk' && file.moduleIds.includes(path.resolve(sourcePath)),
  );

/** A chunk and every chunk it imports statically, recursively. */
function staticClosure(bundle: OutputBundle, chunk: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (file: OutputChunk) => {
    if (seen.has(file.fileName)) return;
    seen.set(file.fileName, file);
    for (const name of file.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(chunk);
  return [...seen.values()];
}

/**
 * The hints' source. On every page, the listing of this origin's databases, left where
 * `src/storage/database-missing.ts` takes it (a refusal is left for the app to meet, and say), and
 * a first touch of localStorage: the browser loads it then, in a call that holds the main thread
 * for 10 ms or more on a new profile, while the main thread has nothing else to do (the study
 * page reads it in its first render).
 * On every page, the chunks start-up imports; on a hinted page, also the chunks of that page that
 * the entry does not load. Each chunk is named as in `assets/<name>.js`. On a deck's study page,
 * that deck's file too, when it is bundled. Fetched only, not run: each chunk runs when the app
 * imports it, and the deck is parsed when the app fetches it, as before (anonymous CORS, as the
 * app asks for it, so that the preloaded response is the one used). The study page's stylesheets
 * are in the entry's: asked for here too, they slowed the first card. Minified: it counts in the
 * first screen's budget.
 */
function hintsSource(
  everyPage: readonly string[],
  pages: readonly (readonly [RegExp, readonly string[]])[],
  deckHashes: Record<string, string>,
  base: string,
): string {
  const pagesSource = `[${pages.map(([pattern, names]) => `[${pattern}, ${JSON.stringify(names)}]`).join(', ')}]`;
  const source = `
    try {
      const listing = indexedDB.databases?.();
      listing?.catch(() => {});
      if (listing) globalThis[${JSON.stringify(earlyListingKey)}] = listing;
    } catch {}
    try {
      localStorage.length;
    } catch {}
    const path = location.pathname;
    const hint = (props) => document.head.append(Object.assign(document.createElement('link'), props));
    const names = [
      ...${JSON.stringify(everyPage)},
      ...(${pagesSource}.find(([pattern]) => pattern.test(path))?.[1] ?? []),
    ];
    for (const name of names) hint({ rel: 'modulepreload', href: \`${base}assets/\${name}.js\` });
    if (${deckPath}.test(path)) {
      const hashes = ${JSON.stringify(deckHashes)};
      const deck = decodeURIComponent(path.split('/')[2] ?? '');
      if (Object.hasOwn(hashes, deck)) {
        hint({ rel: 'preload', as: 'fetch', crossOrigin: '', href: \`${base}assets/decks/\${deck}-\${hashes[deck]}.json\` });
      }
    }
  `;
  return minifySync('start-hints.js', source).code;
}

/**
 * Each bundled deck's file hash, by deck id, from the file names `vite-plugin-decks.ts` gives
 * them: the hints rebuild each name, so that a deck costs the first screen a few bytes only.
 */
function deckFileHashes(bundle: OutputBundle): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const fileName of Object.keys(bundle)) {
    const [, deckId, hash] = /^assets\/decks\/(.+)-([0-9a-f]{10})\.json$/.exec(fileName) ?? [];
    if (deckId && hash) hashes[deckId] = hash;
  }
  return hashes;
}

/**
 * Writes the hints module and loads it from index.html ahead of the entry, `async` so that it runs
 * once fetched rather than after the stylesheet. Build only: the development server has no chunks
 * to name.
 */
export function startHints(): Plugin {
  let base = '/';
  return {
    name: 'recallmap-start-hints',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      const entry = Object.values(bundle).find(
        (file): file is OutputChunk => file.type === 'chunk' && file.isEntry,
      );
      if (html?.type !== 'asset' || !entry) {
        this.error('start hints: index.html or the entry is missing');
      }
      const inEntry = new Set(staticClosure(bundle, entry).map((chunk) => chunk.fileName));
      /** The names of the chunks `source` needs that the entry does not load. */
      const namesFor = (source: string): string[] => {
        const chunk = chunkOf(bundle, source);
        if (!chunk) this.error(`start hints: no chunk for ${source}`);
        const names = staticClosure(bundle, chunk)
          .filter((file) => !inEntry.has(file.fileName))
          .map((file) => /^assets\/(.+)\.js$/.exec(file.fileName)?.[1]);
        if (names.some((name) => name === undefined)) {
          this.error(`start hints: a chunk of ${source} is not in assets/`);
        }
        return names as string[];
      };
      const everyPage = everyPageSources.flatMap(namesFor);
      const pages = hintedPages.map(
        ({ path: pattern, source }) =>
          [pattern, namesFor(source).filter((name) => !everyPage.includes(name))] as const,
      );
      const source = hintsSource(everyPage, pages, deckFileHashes(bundle), base);
      const reference = this.emitFile({ type: 'asset', name: 'start-hints.js', source });
      const fileName = this.getFileName(reference);
      const entryTag = /<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/;
      const text = String(html.source);
      if (!entryTag.test(text)) this.error('start hints: index.html has no entry script');
      html.source = text.replace(
        entryTag,
        (tag) =>
          `<script type="module" async crossorigin src="${base}${fileName}"></script>\n    ${tag}`,
      );
    },
  };
}
