import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { launchBenchPersistentContext, startPreview, viteBuild } from './bench-browser.ts';
import { type ProbeMarks, probeScript, waitForMark } from './bench-probe.ts';
import { benchProfile, closeBenchProfiles } from './bench-profile.ts';

// Where a start-up's time goes: a CPU profile of the page's main thread from navigation until a
// mark, cut into 50 ms slices named by the functions that ran most in each, beside the resources
// the page loaded and when: `npm run bench:trace -- [path] [mark] [cards] [events]`, e.g.
// `npm run bench:trace -- /stats retention`. Frames are named through the build's source maps.
// `--cold` traces what `--only coldcard` times instead: the app built with its own decks, on a
// new, empty profile, e.g. `npm run bench:trace -- --cold /decks/python-asynchronous-frameworks/study
// firstCard`; `--cpu=4` throttles the CPU as its second speed does. `--empty` traces the seeded
// profile's build on its empty profile (nothing studied), the start-up bench's reference.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  };
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly startTime: number;
  readonly samples: number[];
  readonly timeDeltas: number[];
}

const sliceMs = 50;

const maps = new Map<string, SourceMapConsumer | undefined>();
let distDir = '';

/** A frame named by its original source, through the build's source map where there is one. */
function label(node: ProfileNode): string {
  const { url, lineNumber, columnNumber, functionName } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  if (url.includes('/assets/')) {
    const mapFile = `${distDir}/assets/${file}.map`;
    if (!maps.has(mapFile)) {
      maps.set(
        mapFile,
        existsSync(mapFile)
          ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')))
          : undefined,
      );
    }
    const original = maps
      .get(mapFile)
      ?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (original?.source) {
      const source = original.source.replace(/^.*?(src|node_modules)\//, '$1/');
      return `${original.name ?? functionName ?? '(anonymous)'} ${source}:${original.line}`;
    }
  }
  const name = functionName || '(anonymous)';
  return file ? `${name} ${file}:${lineNumber + 1}` : name;
}

const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const [pathArg = '/', markArg = 'home', cardsArg = '100000', eventsArg = '1000000'] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'));
const cold = flags.includes('--cold');
const empty = flags.includes('--empty');
const cpuRate = Number(flags.find((flag) => flag.startsWith('--cpu='))?.slice(6) ?? 1);

interface Traced {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  readonly label: string;
  close(): Promise<void>;
}

/** The app as the cold-card bench builds it, served, and a browser on a new, empty profile. */
async function openCold(): Promise<Traced> {
  const dist = '.bench/trace-cold-dist';
  await viteBuild(dist, { RECALLMAP_DECKS_DIR: 'decks', RECALLMAP_EXTRA_DECKS_DIR: '' });
  distDir = dist;
  const server = await startPreview(dist);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'recallmap-trace-'));
  const context = await launchBenchPersistentContext(userDataDir, { fresh: true });
  await context.addInitScript({ content: probeScript({ deckCount: 0 }) });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    baseUrl: server.baseUrl,
    label: `fresh profile, ${cpuRate}× CPU`,
    async close() {
      await context.close();
      await server.stop();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function openSeeded(): Promise<Traced> {
  const profile = await benchProfile(Number(cardsArg), Number(eventsArg));
  distDir = `.bench/profile-${cardsArg}-${eventsArg}/dist`;
  const { context, page } = await (empty ? profile.openEmpty : profile.open)(
    probeScript({
      deckCount: profile.decks.length,
      totalReviewsText: profile.seeded.events.toLocaleString('en'),
    }),
  );
  return {
    context,
    page,
    baseUrl: profile.baseUrl,
    label: empty ? 'empty profile' : profile.label,
    close: () => context.close(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const profile = await (cold ? openCold() : openSeeded());
    const { context, page } = profile;
    try {
      await page.goto(`${profile.baseUrl}/favicon.svg`);
      // A new browser keeps the machine busy for a moment after its first page: let it settle.
      if (cold) await new Promise((resolve) => setTimeout(resolve, 2000));
      const session = await context.newCDPSession(page);
      await session.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      const navigationStartWall = Date.now();
      await page.goto(`${profile.baseUrl}${pathArg}`);
      const probe = await waitForMark(page, markArg as keyof ProbeMarks);
      // The profile's clock is monotonic, the page's counts from its navigation: the end of the
      // profile and the page's clock read just before it line the two up, to a few ms.
      const pageNowAtStop = (await page.evaluate(() => performance.now())) as number;
      const { profile: cpu } = (await session.send('Profiler.stop')) as {
        profile: CpuProfile & { endTime: number };
      };
      const timing = await page.evaluate(() => ({
        resources: performance.getEntriesByType('resource').map((entry) => {
          const resource = entry as PerformanceResourceTiming;
          return {
            name: resource.name.replace(location.origin, ''),
            start: resource.startTime,
            end: resource.responseEnd,
            bytes: resource.encodedBodySize,
          };
        }),
        marks: performance
          .getEntriesByType('mark')
          .map((entry) => ({ name: entry.name, at: entry.startTime })),
      }));
      const mark = probe.frames[markArg as keyof ProbeMarks] ?? Number.NaN;
      console.log(`${pathArg} until ${markArg}: ${mark.toFixed(0)} ms (${profile.label})`);
      console.log(`node wall since goto: ${Date.now() - navigationStartWall} ms`);
      console.log('\nresources (ms since navigation):');
      for (const resource of timing.resources) {
        console.log(
          `  ${resource.start.toFixed(0).padStart(6)} → ${resource.end.toFixed(0).padStart(6)}  ${String(resource.bytes).padStart(9)} B  ${resource.name}`,
        );
      }
      // None in the app's code: `performance.mark` calls added while looking into a start show here.
      if (timing.marks.length > 0) console.log('\nperformance marks (ms since navigation):');
      for (const { name, at } of timing.marks)
        console.log(`  ${at.toFixed(0).padStart(6)}  ${name}`);
      console.log(
        `\nlong tasks: ${probe.longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', ')}`,
      );

      // Samples on the page's clock: the profile's times are in µs of the same monotonic clock
      // as performance.timeOrigin's, offset by it.
      const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of cpu.nodes)
        for (const child of node.children ?? []) parent.set(child, node.id);
      const originMicros = cpu.endTime - pageNowAtStop * 1000;
      let at = cpu.startTime;
      const slices = new Map<number, Map<string, number>>();
      const selfTotals = new Map<string, number>();
      const inclusiveTotals = new Map<string, number>();
      cpu.samples.forEach((id, index) => {
        at += cpu.timeDeltas[index] ?? 0;
        const node = byId.get(id);
        if (!node) return;
        const name = label(node);
        if (name === '(idle)' || name === '(program)') return;
        const pageMs = (at - originMicros) / 1000;
        const dt = (cpu.timeDeltas[index + 1] ?? 200) / 1000;
        selfTotals.set(name, (selfTotals.get(name) ?? 0) + dt);
        // The outermost frame of the app's own code names the slice: what the app was doing.
        const seen = new Set<string>();
        let cursor: number | undefined = id;
        let outer = name;
        while (cursor !== undefined) {
          const frame = byId.get(cursor);
          if (!frame) break;
          const frameName = label(frame);
          if (!seen.has(frameName)) {
            seen.add(frameName);
            inclusiveTotals.set(frameName, (inclusiveTotals.get(frameName) ?? 0) + dt);
          }
          if (frame.callFrame.url.includes('/assets/')) outer = frameName;
          cursor = parent.get(cursor);
        }
        const slice = Math.floor(pageMs / sliceMs);
        const names = slices.get(slice) ?? new Map<string, number>();
        names.set(`${outer} ⟶ ${name}`, (names.get(`${outer} ⟶ ${name}`) ?? 0) + dt);
        slices.set(slice, names);
      });
      console.log(`\nmain thread by ${sliceMs} ms slice (busy ms: top work):`);
      for (const slice of [...slices.keys()].sort((a, b) => a - b)) {
        const names = slices.get(slice) as Map<string, number>;
        const busy = [...names.values()].reduce((a, b) => a + b, 0);
        const top = [...names].sort((a, b) => b[1] - a[1]).slice(0, 2);
        console.log(
          `  ${String(slice * sliceMs).padStart(6)}  ${busy.toFixed(0).padStart(3)}  ${top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(' | ')}`,
        );
      }
      const top = (totals: Map<string, number>) =>
        [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log('\nself time, top 25:');
      for (const [name, ms] of top(selfTotals))
        console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
      console.log('\ninclusive time, top 25:');
      for (const [name, ms] of top(inclusiveTotals))
        console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
    } finally {
      await profile.close();
    }
  } finally {
    await closeBenchProfiles();
  }
}
