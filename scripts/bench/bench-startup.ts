import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { type Spread, spreadOf } from './bench-browser.ts';
import { heapUsage, probeScript, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';

const startupRuns = 3;

interface StartupRun {
  /** Navigation to `/` until every deck shows `New: N`, to the next animation frame. */
  readonly homeMs: number;
  /** A click on `Study all due` on that page until `Show answer` is on screen. */
  readonly studyAllClickMs: number;
  /** Navigation to `/study` until `Show answer` is on screen, to the next animation frame. */
  readonly firstCardMs: number;
  /** JS heap of that page after a full garbage collection, in MiB. */
  readonly heapMB: number;
  /** The same before the collection. */
  readonly heapBeforeGcMB: number;
}

export interface StartupTiming {
  readonly profile: string;
  readonly runs: readonly StartupRun[];
  readonly homeMs: Spread;
  readonly studyAllClickMs: Spread;
  readonly firstCardMs: Spread;
  readonly heapMB: Spread;
  readonly heapBeforeGcMB: Spread;
}

const mebibytes = (bytes: number) => bytes / 1024 / 1024;

/**
 * One run: each timed navigation is the first of a newly launched browser on the seeded profile
 * (its HTTP cache warm, as for a returning learner), so opening the database is part of it. A page
 * of the origin that does not start the app goes first: it starts the browser's network service
 * and renderer, which are no part of the app's start-up.
 */
async function startupRun(profile: BenchProfile): Promise<StartupRun> {
  const script = probeScript({ deckCount: profile.decks.length });
  const errors: string[] = [];
  const visit = async <T>(path: string, measure: (page: Page) => Promise<T>): Promise<T> => {
    const { context, page } = await profile.open(script);
    try {
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${profile.baseUrl}/favicon.svg`);
      await page.goto(`${profile.baseUrl}${path}`);
      const result = await measure(page);
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
      return result;
    } finally {
      await context.close();
    }
  };

  const home = await visit('/', async (page) => {
    const loaded = await waitForMark(page, 'home');
    const shown = await page.getByText(/^New: \d+$/).count();
    if (shown !== profile.decks.length) {
      throw new Error(`the home page shows ${shown} counts for ${profile.decks.length} decks`);
    }
    await page.getByRole('link', { name: 'Study all due' }).click();
    const studying = await waitForMark(page, 'firstCard');
    return {
      homeMs: loaded.frames.home ?? Number.NaN,
      studyAllClickMs:
        (studying.frames.firstCard ?? Number.NaN) - (studying.marks.studyAllClick ?? Number.NaN),
    };
  });
  const study = await visit('/study', async (page) => {
    const shown = await waitForMark(page, 'firstCard');
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    return { firstCardMs: shown.frames.firstCard ?? Number.NaN, heap: await heapUsage(page) };
  });
  return {
    ...home,
    firstCardMs: study.firstCardMs,
    heapMB: mebibytes(study.heap.usedBytes),
    heapBeforeGcMB: mebibytes(study.heap.beforeGcBytes),
  };
}

const timings = new Map<BenchProfile, Promise<StartupTiming>>();

/** `startupRuns` visits to a profile; measured once per process and profile, then shared. */
export function benchStartupOn(profile: BenchProfile): Promise<StartupTiming> {
  let timing = timings.get(profile);
  if (!timing) {
    timing = (async () => {
      const runs: StartupRun[] = [];
      for (let run = 0; run < startupRuns; run++) runs.push(await startupRun(profile));
      return {
        profile: profile.label,
        runs,
        homeMs: spreadOf(runs.map((run) => run.homeMs)),
        studyAllClickMs: spreadOf(runs.map((run) => run.studyAllClickMs)),
        firstCardMs: spreadOf(runs.map((run) => run.firstCardMs)),
        heapMB: spreadOf(runs.map((run) => run.heapMB)),
        heapBeforeGcMB: spreadOf(runs.map((run) => run.heapBeforeGcMB)),
      };
    })();
    timings.set(profile, timing);
  }
  return timing;
}

/** Start-up with 100,000 cards and 1,000,000 events stored. */
export async function benchStartup(): Promise<StartupTiming> {
  return benchStartupOn(await benchProfile(100_000, 1_000_000));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const cards = Number(process.argv[2] ?? 100_000);
    const events = Number(process.argv[3] ?? cards * 10);
    const timing = await benchStartupOn(await benchProfile(cards, events));
    console.log(JSON.stringify(timing, null, 2));
  } finally {
    await closeBenchProfiles();
  }
}
