// Checks the code the built app makes a learner download, from dist/ alone (no browser):
//
//   /            the entry chunk and stylesheet of index.html and their static imports (the home
//                page is part of the entry: it is the first screen). The entry's lazy
//                imports load on demand, never on a returning learner's start: the migrations
//                (stored data of an older version), the in-memory store (no IndexedDB), and the
//                scheduler (its first replay; the study route imports it, so it counts there).
//                `npm run bench -- --only bundle` checks this in Chromium;
//   study route  the study page's chunk with its static imports and stylesheets, less what `/`
//                already loaded.
//   browse route the same for the browse page.
//
// Bundled deck chunks (deck JSON, `JSON.parse` of one literal) are data a page loads when it
// needs a deck: which ones a route loads shows only when it runs, so they are listed apart and
// left out of both figures (`npm run bench -- --only bundle` measures them in Chromium).
//
// Sizes are gzip level 9, as Vite's build report prints them. Exits 1 when any is over budget.
//
//   node .ci/check-bundle-budget.mjs [DIST] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The one home of the bundle budgets: `npm run bench` reads them from this script's --json output.
const budgets = {
  homeGzipBytes: 100 * 1024,
  // 20 KB until the study screen gained its three counts, a resumable session and the keys and
  // More menu of card actions (the menu, the keys list and custom study load only when used);
  // 22 KB until a large session learned to show its first card before its whole queue is built,
  // to find its distinct card ids in tasks and to fetch its likely first deck early.
  studyAddedGzipBytes: 22.5 * 1024,
  browseAddedGzipBytes: 25 * 1024,
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const dist = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist');

const textCache = new Map();
const read = (file) => {
  if (!textCache.has(file)) textCache.set(file, readFileSync(file, 'utf8'));
  return textCache.get(file);
};
const gzipCache = new Map();
const gzipBytes = (file) => {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
};
const relative = (file) => path.relative(dist, file).split(path.sep).join('/');

/** A URL of index.html or an asset list ("/assets/x.js", "assets/x.js") as a file in dist. */
const fromRoot = (url) => path.join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);

const staticImport =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const dynamicImport = /\bimport\(\s*[`"'](\.{1,2}\/[^`"']+)[`"']\s*\)/g;
const mapDepsList = /\bm\.f=\[([^\]]*)\]/;
const mapDepsCall = /__vite__mapDeps\(\[([\d,\s]*)\]\)/g;

const staticImportsOf = (file) =>
  [...read(file).matchAll(staticImport)].map((m) => path.resolve(path.dirname(file), m[1]));
const dynamicImportsOf = (file) =>
  [...read(file).matchAll(dynamicImport)].map((m) => path.resolve(path.dirname(file), m[1]));

/** The file and every JS file it imports statically, recursively. */
function staticClosure(files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) for (const imported of staticImportsOf(file)) visit(imported);
  };
  for (const file of files) visit(file);
  return seen;
}

/** Vite's preload lists: for each lazily imported chunk, the JS and CSS loaded along with it. */
function preloadDeps(entry) {
  const code = read(entry);
  const list = code.match(mapDepsList);
  const deps = new Map();
  if (!list) return deps;
  const names = [...list[1].matchAll(/["']([^"']+)["']/g)].map((m) => fromRoot(m[1]));
  for (const call of code.matchAll(mapDepsCall)) {
    const [chunk, ...rest] = call[1].split(',').map((index) => names[Number(index)]);
    if (chunk) deps.set(chunk, rest.filter(Boolean));
  }
  return deps;
}

/** A chunk of route `name` (`home-page`, `study-page`) among the entry's lazy imports. */
function routeChunk(entryImports, name) {
  const found = entryImports.find((file) => path.basename(file).startsWith(`${name}-`));
  if (!found) throw new Error(`no ${name} chunk among the entry's lazy imports`);
  return found;
}

/** A bundled deck's chunk is `export default JSON.parse('…')` once built. */
const isDeckChunk = (file) => /^(?:var|let|const)\s+[\w$]+\s*=\s*JSON\.parse\(/.test(read(file));

function measure() {
  const html = read(path.join(dist, 'index.html'));
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}=["']([^"']+)["']`))?.[1];
  const entries = tags
    .filter((tag) => tag.startsWith('<script') && attribute(tag, 'type') === 'module')
    .map((tag) => attribute(tag, 'src'))
    .filter(Boolean)
    .map(fromRoot);
  if (entries.length === 0) throw new Error('index.html loads no module script');
  const htmlLinks = tags
    .filter((tag) => /^(stylesheet|modulepreload)$/.test(attribute(tag, 'rel') ?? ''))
    .map((tag) => attribute(tag, 'href'))
    .filter(Boolean)
    .map(fromRoot);

  const entryClosure = staticClosure([...entries, ...htmlLinks]);
  const entryLazy = [...entryClosure].filter((f) => f.endsWith('.js')).flatMap(dynamicImportsOf);
  const routes = entryLazy.filter((file) => /-page-[\w-]+\.js$/.test(path.basename(file)));
  const deps = new Map();
  for (const entry of entries)
    for (const [chunk, list] of preloadDeps(entry)) deps.set(chunk, list);

  const routeFiles = (chunk) => staticClosure([chunk, ...(deps.get(chunk) ?? [])]);
  const home = entryClosure;
  const addedBy = (name) =>
    [...routeFiles(routeChunk(routes, name))].filter((file) => !home.has(file));
  const study = addedBy('study-page');
  const browse = addedBy('browse-page');

  const everyJs = staticClosure([...entryClosure, ...entryLazy, ...routes]);
  const lazyAnywhere = [...everyJs]
    .filter((file) => file.endsWith('.js'))
    .flatMap(dynamicImportsOf);
  const deckChunks = [...new Set(lazyAnywhere.filter(isDeckChunk))];

  const sum = (files) => files.reduce((total, file) => total + gzipBytes(file), 0);
  const describe = (files) =>
    files
      .map((file) => ({ file: relative(file), gzipBytes: gzipBytes(file) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    homeGzipBytes: sum([...home].filter((file) => !isDeckChunk(file))),
    studyAddedGzipBytes: sum(study.filter((file) => !isDeckChunk(file))),
    homeFiles: describe([...home].filter((file) => !isDeckChunk(file))),
    studyAddedFiles: describe(study.filter((file) => !isDeckChunk(file))),
    browseAddedGzipBytes: sum(browse.filter((file) => !isDeckChunk(file))),
    browseAddedFiles: describe(browse.filter((file) => !isDeckChunk(file))),
    deckChunks: describe(deckChunks),
    budgets,
  };
}

let result;
try {
  result = measure();
} catch (error) {
  console.error(`check-bundle-budget: ${dist}: ${error.message}`);
  process.exit(2);
}
const over = {
  home: result.homeGzipBytes > budgets.homeGzipBytes,
  study: result.studyAddedGzipBytes > budgets.studyAddedGzipBytes,
  browse: result.browseAddedGzipBytes > budgets.browseAddedGzipBytes,
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  const bytes = (value) => value.toLocaleString('en');
  const verdict = (isOver) => (isOver ? 'OVER BUDGET' : 'ok');
  console.log(
    `/ loads ${bytes(result.homeGzipBytes)} bytes of JS and CSS, gzipped (budget ${bytes(budgets.homeGzipBytes)}): ${verdict(over.home)}`,
  );
  for (const { file, gzipBytes: size } of result.homeFiles) {
    console.log(`  ${bytes(size).padStart(9)}  ${file}`);
  }
  console.log(
    `The study route adds ${bytes(result.studyAddedGzipBytes)} bytes (budget ${bytes(budgets.studyAddedGzipBytes)}): ${verdict(over.study)}`,
  );
  for (const { file, gzipBytes: size } of result.studyAddedFiles) {
    console.log(`  ${bytes(size).padStart(9)}  ${file}`);
  }
  console.log(
    `The browse route adds ${bytes(result.browseAddedGzipBytes)} bytes (budget ${bytes(budgets.browseAddedGzipBytes)}): ${verdict(over.browse)}`,
  );
  for (const { file, gzipBytes: size } of result.browseAddedFiles) {
    console.log(`  ${bytes(size).padStart(9)}  ${file}`);
  }
  console.log(
    `Bundled deck data, loaded by pages as they need a deck, not counted above: ${result.deckChunks.length} chunk(s)`,
  );
  for (const { file, gzipBytes: size } of result.deckChunks) {
    console.log(`  ${bytes(size).padStart(9)}  ${file}`);
  }
}
process.exitCode = over.home || over.study || over.browse ? 1 : 0;
