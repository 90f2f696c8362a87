import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { repoRoot } from './bench-browser.ts';
import { type ProbeMarks, probeScript, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';

// Where the time and memory of the large profile go: a CPU profile of the main thread from
// navigation until each page is ready, a sampling heap profile of what the study page keeps, and
// what the entry chunk is made of. Functions are named through the build's source maps.
//
//   npx tsx scripts/bench-diagnose.ts [cards] [events] [--bundle-only]

// ---- source maps ----------------------------------------------------------------------------

const vlqChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlqValue = new Map([...vlqChars].map((char, index) => [char, index]));

/** Segments of one generated line: [column, source, line, column, name?], absolute values. */
type Segment = readonly number[];

interface SourceMap {
  readonly sources: readonly string[];
  readonly names: readonly string[];
  readonly lines: readonly (readonly Segment[])[];
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  const state = [0, 0, 0, 0, 0];
  for (const lineText of mappings.split(';')) {
    state[0] = 0;
    const segments: Segment[] = [];
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = vlqValue.get(char) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      fields.forEach((delta, index) => {
        state[index] = (state[index] ?? 0) + delta;
      });
      segments.push(state.slice(0, fields.length));
    }
    lines.push(segments);
  }
  return lines;
}

const sourceMaps = new Map<string, Promise<SourceMap | undefined>>();

function sourceMapOf(file: string): Promise<SourceMap | undefined> {
  let map = sourceMaps.get(file);
  if (!map) {
    map = readFile(`${file}.map`, 'utf8').then(
      (text) => {
        const raw = JSON.parse(text) as { sources: string[]; names: string[]; mappings: string };
        return {
          sources: raw.sources.map((source) =>
            source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/'),
          ),
          names: raw.names,
          lines: decodeMappings(raw.mappings),
        };
      },
      () => undefined,
    );
    sourceMaps.set(file, map);
  }
  return map;
}

/** "src/storage/idb-progress-repository.ts:120 load" for a generated position, 0-based. */
async function originalPosition(file: string, line: number, column: number): Promise<string> {
  const map = await sourceMapOf(file);
  const segments = map?.lines[line];
  if (!map || !segments) return `${path.basename(file)}:${line + 1}:${column + 1}`;
  let found: Segment | undefined;
  for (const segment of segments) {
    if ((segment[0] ?? 0) <= column) found = segment;
    else break;
  }
  if (!found || found.length < 4) return `${path.basename(file)}:${line + 1}:${column + 1}`;
  const source = map.sources[found[1] ?? 0] ?? '?';
  const name = found.length >= 5 ? ` ${map.names[found[4] ?? 0] ?? ''}` : '';
  return `${source}:${(found[2] ?? 0) + 1}${name}`;
}

// ---- CPU profiles -----------------------------------------------------------------------------

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function frameName(frame: CallFrame, dist: string): Promise<string> {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  const url = new URL(frame.url);
  const file = path.join(dist, url.pathname);
  const original = await originalPosition(file, frame.lineNumber, frame.columnNumber);
  return `${original}${frame.functionName ? ` [${frame.functionName}]` : ''}`;
}

/** Self and total time per function, in ms, over the profile's samples. */
async function summarizeCpu(profile: CpuProfile, dist: string, top = 25): Promise<string> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const names = new Map<number, string>();
  for (const node of profile.nodes) names.set(node.id, await frameName(node.callFrame, dist));
  const selfByName = new Map<string, number>();
  const totalByName = new Map<string, number>();
  for (const [id, ms] of self) {
    const name = names.get(id) ?? '?';
    selfByName.set(name, (selfByName.get(name) ?? 0) + ms);
    // Every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = names.get(at) ?? '?';
      if (seen.has(frame)) continue;
      seen.add(frame);
      totalByName.set(frame, (totalByName.get(frame) ?? 0) + ms);
    }
  }
  const table = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n');
  const wall = (profile.endTime - profile.startTime) / 1000;
  return `profiled ${wall.toFixed(0)} ms\nself time:\n${table(selfByName)}\ntotal time (with callees):\n${table(totalByName)}`;
}

async function profiled(
  profile: BenchProfile,
  route: string,
  mark: keyof ProbeMarks,
): Promise<string> {
  const script = probeScript({
    deckCount: profile.decks.length,
    totalReviewsText: profile.seeded.events.toLocaleString('en'),
  });
  const { context, page } = await profile.open(script);
  try {
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    const session = await context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    await page.goto(`${profile.baseUrl}${route}`);
    const state = await waitForMark(page, mark);
    const { profile: cpu } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
    const resources = (await page.evaluate(`performance.getEntriesByType('resource')
      .filter((entry) => /\\.(js|css)$/.test(entry.name))
      .map((entry) => [entry.name.split('/').pop(), Math.round(entry.startTime), Math.round(entry.responseEnd), entry.decodedBodySize])`)) as [
      string,
      number,
      number,
      number,
    ][];
    const distDir = path.join(repoRoot, '.bench', `profile-${profileKey(profile)}`, 'dist');
    const lines = [
      `== ${route}: ${mark} at ${(state.frames[mark] ?? Number.NaN).toFixed(0)} ms (${profile.label})`,
      `long tasks: ${state.longTasks.map(([start, duration]) => `${duration.toFixed(0)} ms at ${start.toFixed(0)}`).join(', ') || 'none'}`,
      'JS and CSS fetched (start-end ms, decoded bytes):',
      ...resources
        .filter(([, , , bytes]) => bytes > 50_000)
        .map(
          ([name, start, end, bytes]) => `  ${name} ${start}-${end} ${bytes.toLocaleString('en')}`,
        ),
      await summarizeCpu(cpu, distDir),
    ];
    return lines.join('\n');
  } finally {
    await context.close();
  }
}

const profileKeys = new Map<BenchProfile, string>();
const profileKey = (profile: BenchProfile) => profileKeys.get(profile) ?? '';

// ---- heap -------------------------------------------------------------------------------------

interface SamplingNode {
  readonly callFrame: CallFrame;
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

async function heapSummary(session: CDPSession, dist: string): Promise<string> {
  await session.send('HeapProfiler.collectGarbage');
  const { profile } = (await session.send('HeapProfiler.getSamplingProfile')) as {
    profile: { head: SamplingNode };
  };
  await session.send('HeapProfiler.stopSampling');
  const bySite = new Map<string, number>();
  const walk = async (node: SamplingNode, stack: string[]) => {
    const name = await frameName(node.callFrame, dist);
    const here = [...stack, name];
    if (node.selfSize > 0) {
      // The innermost frame of our own code names the allocation site.
      const site = [...here].reverse().find((frame) => frame.startsWith('src/')) ?? name;
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    }
    for (const child of node.children) await walk(child, here);
  };
  await walk(profile.head, []);
  const total = [...bySite.values()].reduce((a, b) => a + b, 0);
  return [
    `live JS heap allocated since navigation, sampled, after a full GC: ${(total / 1048576).toFixed(1)} MiB`,
    ...[...bySite]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([site, bytes]) => `  ${(bytes / 1048576).toFixed(1).padStart(6)} MiB  ${site}`),
  ].join('\n');
}

async function heapProfiled(profile: BenchProfile): Promise<string> {
  const { context, page } = await profile.open(probeScript({ deckCount: profile.decks.length }));
  try {
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.startSampling', { samplingInterval: 4096 });
    await page.goto(`${profile.baseUrl}/study`);
    await waitForMark(page, 'firstCard');
    const dist = path.join(repoRoot, '.bench', `profile-${profileKey(profile)}`, 'dist');
    return `== /study heap\n${await heapSummary(session, dist)}`;
  } finally {
    await context.close();
  }
}

// ---- IndexedDB and deck modules ---------------------------------------------------------------

/**
 * The requests the app makes at start-up, one at a time on the seeded database, and whether a
 * request to another database of the origin waits for a long one (Chromium serves an origin's
 * databases from one backing store).
 */
async function indexedDbRequests(profile: BenchProfile): Promise<string> {
  const { context, page } = await profile.open();
  try {
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    const timings = (await page.evaluate(`(async () => {
      const request = (r) => new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const range = (kind) => IDBKeyRange.bound([kind], [kind, []]);
      const out = [];
      let start = performance.now();
      const db = await request(indexedDB.open('recallmap-progress'));
      out.push(['open recallmap-progress', performance.now() - start, '']);
      const steps = [
        ['count() of the whole store (migrate)', 'readwrite', (s) => s.count()],
        ['getAll(state pages) (load)', 'readwrite', (s) => s.getAll(range('states'))],
        ['getAllKeys(state pages) (load)', 'readwrite', (s) => s.getAllKeys(range('states'))],
        ['getAll(day range) (load)', 'readwrite', (s) => s.getAll(range('day'))],
        ['getAll(event range) (true-retention worker)', 'readonly', (s) => s.getAll(range('event'))],
      ];
      for (const [name, mode, make] of steps) {
        start = performance.now();
        const result = await request(make(db.transaction('progress', mode).objectStore('progress')));
        out.push([name, performance.now() - start, Array.isArray(result) ? result.length + ' records' : String(result)]);
      }
      const opening = indexedDB.open('bench-diagnose-other');
      opening.onupgradeneeded = () => opening.result.createObjectStore('s');
      const other = await request(opening);
      const long = request(db.transaction('progress', 'readonly').objectStore('progress').count());
      await new Promise((resolve) => setTimeout(resolve, 20));
      start = performance.now();
      await request(other.transaction('s', 'readonly').objectStore('s').get('x'));
      out.push(['get() in another database during that count()', performance.now() - start, '']);
      await long;
      other.close();
      indexedDB.deleteDatabase('bench-diagnose-other');
      return out;
    })()`)) as [string, number, string][];
    return [
      `== IndexedDB requests, one at a time (${profile.label})`,
      ...timings.map(
        ([name, ms, what]) =>
          `  ${ms.toFixed(0).padStart(6)} ms  ${name}${what ? `: ${what}` : ''}`,
      ),
    ].join('\n');
  } finally {
    await context.close();
  }
}

/** JS heap one bundled deck module keeps, against a structured clone of its data alone. */
async function deckModuleHeap(profile: BenchProfile, dist: string): Promise<string> {
  const assets = await readdir(path.join(dist, 'assets'));
  const deckFile = assets.find((file) => /^bench-deck-1-.*\.js$/.test(file));
  if (!deckFile) return 'no bench-deck-1 chunk in the build';
  const { context, page } = await profile.open();
  try {
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    const session = await context.newCDPSession(page);
    const used = async () => {
      await session.send('HeapProfiler.collectGarbage');
      return ((await session.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const before = await used();
    await page.evaluate(
      `import('/assets/${deckFile}').then((module) => { window.benchDeck = module; })`,
    );
    const withModule = await used();
    await page.evaluate('window.benchCopy = structuredClone(window.benchDeck.default)');
    const withCopy = await used();
    const size = (await stat(path.join(dist, 'assets', deckFile))).size;
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
    return [
      `== one deck module (${deckFile}, ${mib(size)} of JS)`,
      `  heap kept by the imported module: ${mib(withModule - before)}`,
      `  heap of a copy of its data alone: ${mib(withCopy - withModule)}`,
      '  (the difference is mostly the module source V8 keeps: the JSON text literal)',
    ].join('\n');
  } finally {
    await context.close();
  }
}

// ---- the entry chunk --------------------------------------------------------------------------

/** Generated bytes of `file` per original source (grouped by package), scaled to its gzip size. */
async function bundleComposition(file: string): Promise<string> {
  const code = await readFile(file, 'utf8');
  const map = await sourceMapOf(file);
  if (!map) return `${file}: no source map`;
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  lines.forEach((lineText, lineIndex) => {
    const segments = map.lines[lineIndex] ?? [];
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.[0] ?? lineText.length;
      const length = end - (segment[0] ?? 0);
      const source = segment.length >= 4 ? (map.sources[segment[1] ?? 0] ?? '?') : '(unmapped)';
      const group = source.startsWith('node_modules/')
        ? source
            .split('/')
            .slice(0, source.split('/')[1]?.startsWith('@') ? 3 : 2)
            .join('/')
        : source;
      bytes.set(group, (bytes.get(group) ?? 0) + length);
    });
  });
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  const gzip = gzipSync(code, { level: 9 }).length;
  return [
    `== ${path.basename(file)}: ${code.length.toLocaleString('en')} bytes, ${gzip.toLocaleString('en')} gzipped; share by source (gzip estimated pro rata)`,
    ...[...bytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(
        ([source, size]) =>
          `  ${size.toLocaleString('en').padStart(9)} B ~${Math.round((size / total) * gzip)
            .toLocaleString('en')
            .padStart(7)} gz  ${source}`,
      ),
  ].join('\n');
}

async function entryChunk(dist: string): Promise<string> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const src = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
  if (!src) return 'index.html loads no module script';
  return bundleComposition(path.join(dist, src));
}

// ---- main -------------------------------------------------------------------------------------

async function main(argv: readonly string[]) {
  const numbers = argv.filter((arg) => /^\d+$/.test(arg)).map(Number);
  console.log(await entryChunk(path.join(repoRoot, '.bench', 'bundle-dist')));
  if (argv.includes('--bundle-only')) return;
  const cards = numbers[0] ?? 100_000;
  const events = numbers[1] ?? cards * 10;
  const profile = await benchProfile(cards, events);
  profileKeys.set(profile, `${cards}-${events}`);
  const dist = path.join(repoRoot, '.bench', `profile-${cards}-${events}`, 'dist');
  console.log(await indexedDbRequests(profile));
  console.log(await deckModuleHeap(profile, dist));
  console.log(await profiled(profile, '/', 'home'));
  console.log(await profiled(profile, '/study', 'firstCard'));
  console.log(await heapProfiled(profile));
  console.log(await profiled(profile, '/stats', 'stats'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main(process.argv.slice(2));
  } finally {
    await closeBenchProfiles();
  }
}
