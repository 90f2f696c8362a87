import path from 'node:path';
import { minifySync, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

// Without hints, a study page's start is a chain of fetches: the entry chunk, then, once the entry
// has run, the page's chunk and the chunks it imports. A tiny module that index.html runs as soon
// as it arrives, without waiting for the entry, asks for those while the entry still downloads.

/** Pages whose chunk the hints fetch ahead: the study pages, a deck's and "Study all due". */
const studyPath = /^\/(study|decks\/[^/]+\/study)\/?$/;

const chunkOf = (bundle: OutputBundle, sourcePath: string): OutputChunk | undefined =>
  Object.values(bundle).find(
    (file): file is OutputChunk =>
      file.type === 'chunk' && file.facadeModuleId === path.resolve(sourcePath),
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
 * The hints' source: on a study page, that page's chunks that the entry does not load (their
 * stylesheets are small, and fetched beside them once the entry runs). Fetched only, not run: each
 * runs when the app imports it, as before. Minified: it counts in the first screen's budget.
 */
function hintsSource(study: string[]): string {
  const source = `
    if (${studyPath}.test(location.pathname)) {
      for (const href of ${JSON.stringify(study)}) {
        document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
      }
    }
  `;
  return minifySync('start-hints.js', source).code;
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
      const studyPage = chunkOf(bundle, 'src/routes/study-page.tsx');
      if (html?.type !== 'asset' || !entry || !studyPage) {
        this.error('start hints: index.html, the entry or the study page is missing');
      }
      const inEntry = new Set(staticClosure(bundle, entry).map((chunk) => chunk.fileName));
      const studyChunks = staticClosure(bundle, studyPage).filter(
        (chunk) => !inEntry.has(chunk.fileName),
      );
      const url = (fileName: string) => base + fileName;
      const source = hintsSource(studyChunks.map((chunk) => url(chunk.fileName)));
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
