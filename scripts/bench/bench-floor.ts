import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { awaitInPage } from './await-in-page.ts';
import {
  launchBenchPersistentContext,
  type PreviewServer,
  repoRoot,
  type Spread,
  spreadOf,
  startPreview,
  viteBuild,
} from './bench-browser.ts';
import {
  type LoadDuringRun,
  loadDuringRun,
  measureWhenQuiet,
  newBusyTally,
  type WatchedRun,
} from './busy-repeats.ts';
import { measureWhileWatching } from './machine-load.ts';

// The cold first card against a floor: the app, built as `npm start` serves it, opened on a fresh
// profile at a deck's study page until `Show answer` is on screen; and beside it, in the same run
// and interleaved with it, a minimal Vite + React app that renders one static card
// (scripts/bench/floor-app). The ratio of the two is what the budget holds: it says how much the
// app adds to what any React app costs on this machine, whatever the machine's speed that day.

const appDist = '.bench/coldcard-dist';
const floorDist = '.bench/floor-dist';
const floorRoot = path.join(repoRoot, 'scripts', 'bench', 'floor-app');
const appStudyPath = '/decks/python-asynchronous-frameworks/study';

/**
 * More rounds than the other rows' five: a cold start's rounds spread widely (at normal CPU, the
 * app/floor ratios of one invocation ranged over 1.71 to 2.16). Of one build, the medians of five
 * rounds were 1.99, 1.85 and 1.84 in three invocations; of sixteen, 1.90 in each of three runs.
 */
export const coldCardRounds = 9;
export const coldCardCpuRates = [1, 4] as const;
type CpuRate = (typeof coldCardCpuRates)[number];
/**
 * A browser on a new profile keeps both cores of a small machine busy for most of a second after
 * its first page: the timed navigation waits until the bench and its browser use less than this
 * share of a core over `settleWindowMs`, for `maxSettleMs` at most.
 */
const settledShareOfCore = 0.25;
const settleWindowMs = 200;
const maxSettleMs = 5000;

type ColdCardTarget = 'app' | 'floor';

interface ColdCardRun extends WatchedRun {
  readonly round: number;
  readonly target: ColdCardTarget;
  readonly cpuRate: CpuRate;
  /** Navigation start to the first animation frame after `Show answer` is in the DOM. */
  readonly ms: number;
  /** The same measured in Node, from `page.goto` until the page reports that frame. */
  readonly nodeMs: number;
  /** Resources the page loaded by then (scripts, styles, deck data), the document not counted. */
  readonly resources: number;
  readonly scripts: number;
  /** Their bodies as served (compressed where the server compressed them), in bytes. */
  readonly resourceBytes: number;
  /** Navigation start to DOMContentLoaded. */
  readonly domContentLoadedMs: number;
  /** Long tasks (over 50 ms) before the frame: their count and summed length. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly machineCpuShare: number | null;
  /**
   * CPU time the bench's own processes used from `page.goto` until the card was on screen, in ms:
   * Chromium's (browser, renderer, GPU, network and storage), the preview servers' and this
   * process's. Both cores of a small machine are busy for most of a cold start: this is the work
   * that wall time waits on, and it varies less from run to run than wall time does.
   */
  readonly cpuMs: number | null;
  /** How long the new browser took to settle after its first page, before the timed one. */
  readonly settleMs: number;
}

export interface ColdCardTiming {
  readonly runs: readonly ColdCardRun[];
  /** Per CPU rate (`cpu1`, `cpu4`): each app's spread and that of the per-round app/floor ratio. */
  readonly app: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  readonly floor: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  readonly ratio: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  /** The same for the CPU time of each run (`cpuMs`): empty spreads where /proc cannot tell. */
  readonly appCpu: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  readonly floorCpu: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  readonly cpuRatio: Readonly<Record<`cpu${CpuRate}`, Spread>>;
  readonly repeats: number;
  readonly loadKnown: boolean;
  readonly appBuildMs: number;
  readonly floorBuildMs: number;
}

/**
 * Installed before either app's scripts: stamps when a `Show answer` button is first in the DOM
 * and the animation frame after it, in ms since navigation start, and then resolves \`framed\`.
 * The same for both apps. Plain JavaScript in a string: tsx would wrap named TypeScript functions
 * in a helper the page lacks.
 */
const probeScript = `(() => {
  const probe = { shown: undefined, frame: undefined, longTasks: [] };
  let framed = () => {};
  probe.framed = new Promise((resolve) => { framed = resolve; });
  window.__coldCard = probe;
  const observer = new MutationObserver(() => {
    if (probe.shown !== undefined) return;
    for (const button of document.querySelectorAll('button')) {
      if ((button.textContent || '').trim().startsWith('Show answer')) {
        probe.shown = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => { probe.frame = performance.now(); framed(); });
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface CardProbe {
  shown?: number;
  frame?: number;
  longTasks: [number, number][];
}

type ProbeWindow = Window & { __coldCard?: CardProbe };

/** Builds the floor app with Vite's API, none of the app's own config (PWA, CSP, decks) applied. */
async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: floorRoot,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(repoRoot, floorDist), emptyOutDir: true, target: 'es2022' },
  });
  // The page each measurement opens first, to warm the browser without starting the app.
  await copyFile(
    path.join(repoRoot, 'public', 'favicon.svg'),
    path.join(repoRoot, floorDist, 'favicon.svg'),
  );
}

interface Servers {
  readonly app: PreviewServer;
  readonly floor: PreviewServer;
}

/**
 * One cold first card: a new browser on a new, empty profile folder; a page of the origin that
 * does not start the app (the favicon) warms the browser's network service and renderer; once the
 * browser has settled, CPU throttled at `cpuRate`, the timed navigation until `Show answer` is on
 * screen.
 */
async function coldCard(
  servers: Servers,
  target: ColdCardTarget,
  cpuRate: CpuRate,
): Promise<Omit<ColdCardRun, 'round' | keyof WatchedRun> & LoadDuringRun> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'recallmap-coldcard-'));
  const context = await launchBenchPersistentContext(userDataDir, { fresh: true });
  try {
    await context.addInitScript({ content: probeScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { baseUrl } = servers[target];
    await page.goto(`${baseUrl}/favicon.svg`);
    const settleMs = await settle();
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const url = `${baseUrl}${target === 'app' ? appStudyPath : '/'}`;
    const watched = await measureWhileWatching(async () => {
      const start = performance.now();
      await page.goto(url);
      // Through the DevTools protocol: Playwright's own waiting would add its script to the page
      // while the app starts (see await-in-page.ts).
      await awaitInPage(session, 'window.__coldCard.framed');
      return performance.now() - start;
    });
    await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await session.detach();
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    const figures = await page.evaluate(() => {
      const probe = (window as ProbeWindow).__coldCard as CardProbe;
      const frame = probe.frame ?? Number.NaN;
      const resources = window.performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < frame) as PerformanceResourceTiming[];
      // window's, not Node's: the types of Node's performance would apply otherwise.
      const navigation = window.performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      const longTasks = probe.longTasks.filter(([start]) => start < frame);
      return {
        ms: frame,
        resources: resources.length,
        scripts: resources.filter(
          (entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name),
        ).length,
        resourceBytes: resources.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        longTasks: longTasks.length,
        longTaskMs: longTasks.reduce((sum, [, duration]) => sum + duration, 0),
      };
    });
    if (errors.length > 0) throw new Error(`the ${target} page threw: ${errors.join('; ')}`);
    return {
      target,
      cpuRate,
      ...figures,
      nodeMs: watched.result,
      settleMs,
      ...loadDuringRun(watched),
      machineCpuShare: watched.machineCpuShare ?? null,
      cpuMs: watched.ownCpuMs ?? null,
    };
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Waits until the bench's own processes go quiet; at once where /proc cannot tell. */
async function settle(): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxSettleMs) {
    const { ownCpuShare } = await measureWhileWatching(
      () => new Promise((resolve) => setTimeout(resolve, settleWindowMs)),
    );
    if (ownCpuShare === undefined || ownCpuShare < settledShareOfCore) break;
  }
  return performance.now() - started;
}

const log = (line: string) => process.stderr.write(`bench: coldcard: ${line}\n`);

/**
 * `rounds` rounds; in each, at every CPU rate, a cold first card of the app and one of the floor,
 * the first of the two alternating from round to round; a busy measurement is taken again
 * (`measureWhenQuiet`).
 */
export async function benchColdCard(rounds = coldCardRounds): Promise<ColdCardTiming> {
  let started = performance.now();
  await viteBuild(appDist, { RECALLMAP_DECKS_DIR: 'decks', RECALLMAP_EXTRA_DECKS_DIR: '' });
  const appBuildMs = performance.now() - started;
  started = performance.now();
  await buildFloor();
  const floorBuildMs = performance.now() - started;

  const app = await startPreview(appDist);
  const floor = await startPreview(floorDist).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  const servers = { app, floor };
  const runs: ColdCardRun[] = [];
  const tally = newBusyTally();
  try {
    for (let round = 1; round <= rounds; round++) {
      const order: ColdCardTarget[] = round % 2 === 1 ? ['app', 'floor'] : ['floor', 'app'];
      for (const cpuRate of coldCardCpuRates) {
        for (const target of order) {
          const run = await measureWhenQuiet(
            `round ${round} ${target} at ${cpuRate}× CPU`,
            () => coldCard(servers, target, cpuRate),
            tally,
            log,
          );
          runs.push({ ...run, round });
        }
      }
    }
  } finally {
    await Promise.all([app.stop(), floor.stop()]);
  }
  if (!tally.loadKnown) log('no /proc here: whether other processes used the CPU is unknown');

  const figures = (target: ColdCardTarget, cpuRate: CpuRate) =>
    runs.filter((run) => run.target === target && run.cpuRate === cpuRate);
  const byRate = <T>(value: (cpuRate: CpuRate) => T) =>
    ({ cpu1: value(1), cpu4: value(4) }) as Record<`cpu${CpuRate}`, T>;
  /** Each round's app figure over the floor's, at one CPU rate. */
  const ratios = (cpuRate: CpuRate, figure: (run: ColdCardRun) => number | null) => {
    const appRuns = figures('app', cpuRate);
    const floorRuns = figures('floor', cpuRate);
    return appRuns.flatMap((run) => {
      const floorRun = floorRuns.find((candidate) => candidate.round === run.round);
      const app = figure(run);
      const floor = floorRun ? figure(floorRun) : null;
      return app === null || floor === null ? [] : [app / floor];
    });
  };
  const cpuOf = (target: ColdCardTarget, cpuRate: CpuRate) =>
    figures(target, cpuRate).flatMap((run) => (run.cpuMs === null ? [] : [run.cpuMs]));
  return {
    runs,
    app: byRate((cpuRate) => spreadOf(figures('app', cpuRate).map((run) => run.ms))),
    floor: byRate((cpuRate) => spreadOf(figures('floor', cpuRate).map((run) => run.ms))),
    ratio: byRate((cpuRate) =>
      spreadOf(
        ratios(cpuRate, (run) => run.ms),
        2,
      ),
    ),
    appCpu: byRate((cpuRate) => spreadOf(cpuOf('app', cpuRate))),
    floorCpu: byRate((cpuRate) => spreadOf(cpuOf('floor', cpuRate))),
    cpuRatio: byRate((cpuRate) =>
      spreadOf(
        ratios(cpuRate, (run) => run.cpuMs),
        2,
      ),
    ),
    repeats: tally.repeats,
    loadKnown: tally.loadKnown,
    appBuildMs,
    floorBuildMs,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const timing = await benchColdCard(Number(process.argv[2] ?? coldCardRounds));
  console.log(JSON.stringify(timing, null, 2));
}
