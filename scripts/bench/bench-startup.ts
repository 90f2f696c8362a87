import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { type Spread, spreadOf } from './bench-browser.ts';
import { heapUsage, probeScript, readProbe, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';
import {
  type LoadDuringRun,
  loadDuringRun,
  measureWhenQuiet,
  newBusyTally,
  type WatchedRun,
} from './busy-repeats.ts';
import { dropKeptDeckCounts, waitForKeptDeckCounts } from './kept-deck-counts.ts';
import { measureWhileWatching } from './machine-load.ts';

// Each round opens the app on the seeded profile and on the same build's empty profile (nothing
// studied), in alternating order: the ratio of the two, round by round, is what the app's stored
// progress adds to its own start-up on this machine today, whatever its speed.

const startupRounds = 5;

type StartupTarget = 'seeded' | 'empty';

interface Visit<T> extends LoadDuringRun {
  readonly result: T;
  /** The longest long task before the visit's last mark, in ms: how long input was blocked. */
  readonly longestTaskMs: number;
}

interface StartupRun extends WatchedRun {
  readonly round: number;
  readonly target: StartupTarget;
  /** Navigation to `/` until every deck shows `New: N`, to the next animation frame. */
  readonly homeMs: number;
  /**
   * The same without the deck counts kept for the start, which are then counted from the card
   * states (the first start after another tab's change, or after four weeks away); NaN on the
   * empty profile, where it is not measured.
   */
  readonly homeUncountedMs: number;
  /** A click on `Study all due` on that page until `Show answer` is on screen. */
  readonly studyAllClickMs: number;
  /** Navigation to `/study` until `Show answer` is on screen, to the next animation frame. */
  readonly firstCardMs: number;
  /** The longest long task of either visit until its last mark. */
  readonly longestTaskMs: number;
  /** JS heap of that page after a full garbage collection, in MiB. */
  readonly heapMB: number;
  /** The same before the collection. */
  readonly heapBeforeGcMB: number;
}

/** The spreads of one profile's runs. */
interface StartupSpreads {
  readonly homeMs: Spread;
  readonly studyAllClickMs: Spread;
  readonly firstCardMs: Spread;
  readonly longestTaskMs: Spread;
  readonly heapMB: Spread;
  readonly heapBeforeGcMB: Spread;
}

export interface StartupTiming extends StartupSpreads {
  readonly profile: string;
  /** `/` counts on the seeded profile without kept deck counts. */
  readonly homeUncountedMs: Spread;
  readonly runs: readonly StartupRun[];
  /** The same build on a profile with nothing studied. */
  readonly empty: StartupSpreads;
  /** Seeded over empty, round by round. */
  readonly homeRatio: Spread;
  readonly firstCardRatio: Spread;
  readonly repeats: number;
  readonly loadKnown: boolean;
}

const mebibytes = (bytes: number) => bytes / 1024 / 1024;

const log = (line: string) => process.stderr.write(`bench: startup: ${line}\n`);

/**
 * One run: each timed navigation is the first of a newly launched browser on the profile (its
 * HTTP cache warm, as for a returning learner), so opening the database is part of it. A page of
 * the origin that does not start the app goes first: it starts the browser's network service and
 * renderer, which are no part of the app's start-up. Only the timed navigation is watched for
 * other processes' load.
 */
async function startupRun(
  profile: BenchProfile,
  target: StartupTarget,
): Promise<Omit<StartupRun, 'round' | keyof WatchedRun> & LoadDuringRun> {
  const script = probeScript({ deckCount: profile.decks.length });
  const errors: string[] = [];
  // Both visits end on the first card: input counts as blocked until then.
  const visit = async <T>(
    path: string,
    measure: (page: Page) => Promise<T>,
    prepare?: (page: Page) => Promise<void>,
  ): Promise<Visit<T>> => {
    const { context, page } = await (target === 'seeded'
      ? profile.open(script)
      : profile.openEmpty(script));
    try {
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${profile.baseUrl}/favicon.svg`);
      await prepare?.(page);
      const watched = await measureWhileWatching(async () => {
        await page.goto(`${profile.baseUrl}${path}`);
        return measure(page);
      });
      const probe = await readProbe(page);
      const until = probe.marks.firstCard ?? Number.POSITIVE_INFINITY;
      const longestTaskMs = Math.max(
        0,
        ...probe.longTasks.filter(([start]) => start < until).map(([, duration]) => duration),
      );
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
      return { result: watched.result, longestTaskMs, ...loadDuringRun(watched) };
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
  // Without kept counts, then kept again before the next run (the page keeps them after its load).
  const uncounted =
    target === 'seeded'
      ? await visit(
          '/',
          async (page) => {
            const loaded = await waitForMark(page, 'home');
            await waitForKeptDeckCounts(page, profile.decks.length);
            return loaded.frames.home ?? Number.NaN;
          },
          dropKeptDeckCounts,
        )
      : undefined;
  const visits = uncounted ? [home, study, uncounted] : [home, study];
  const busiest = visits.reduce((most, each) =>
    (each.othersCpuShare ?? 0) > (most.othersCpuShare ?? 0) ? each : most,
  );
  return {
    target,
    ...home.result,
    homeUncountedMs: uncounted?.result ?? Number.NaN,
    firstCardMs: study.result.firstCardMs,
    longestTaskMs: Math.max(...visits.map((each) => each.longestTaskMs)),
    heapMB: mebibytes(study.result.heap.usedBytes),
    heapBeforeGcMB: mebibytes(study.result.heap.beforeGcBytes),
    othersCpuShare: visits.some((each) => each.othersCpuShare === null)
      ? null
      : Math.max(...visits.map((each) => each.othersCpuShare ?? 0)),
    busiest: busiest.busiest,
  };
}

function spreadsOf(runs: readonly StartupRun[]): StartupSpreads {
  const spread = (figure: keyof StartupSpreads) => spreadOf(runs.map((run) => run[figure]));
  return {
    homeMs: spread('homeMs'),
    studyAllClickMs: spread('studyAllClickMs'),
    firstCardMs: spread('firstCardMs'),
    longestTaskMs: spread('longestTaskMs'),
    heapMB: spread('heapMB'),
    heapBeforeGcMB: spread('heapBeforeGcMB'),
  };
}

/** Seeded over empty for one figure, round by round. */
function ratios(runs: readonly StartupRun[], figure: 'homeMs' | 'firstCardMs'): Spread {
  const seeded = runs.filter((run) => run.target === 'seeded');
  return spreadOf(
    seeded.map((run) => {
      const empty = runs.find((each) => each.target === 'empty' && each.round === run.round);
      return empty ? run[figure] / empty[figure] : Number.NaN;
    }),
    2,
  );
}

const timings = new Map<BenchProfile, Promise<StartupTiming>>();

/** `startupRounds` rounds on a profile; measured once per process and profile, then shared. */
export function benchStartupOn(profile: BenchProfile): Promise<StartupTiming> {
  let timing = timings.get(profile);
  if (!timing) {
    timing = (async () => {
      const runs: StartupRun[] = [];
      const tally = newBusyTally();
      for (let round = 1; round <= startupRounds; round++) {
        const order: StartupTarget[] = round % 2 === 1 ? ['seeded', 'empty'] : ['empty', 'seeded'];
        for (const target of order) {
          const run = await measureWhenQuiet(
            `round ${round}, ${target} profile of ${profile.label}`,
            () => startupRun(profile, target),
            tally,
            log,
          );
          runs.push({ ...run, round });
        }
      }
      if (!tally.loadKnown) log('no /proc here: whether other processes used the CPU is unknown');
      const seeded = runs.filter((run) => run.target === 'seeded');
      return {
        profile: profile.label,
        runs,
        ...spreadsOf(seeded),
        homeUncountedMs: spreadOf(seeded.map((run) => run.homeUncountedMs)),
        empty: spreadsOf(runs.filter((run) => run.target === 'empty')),
        homeRatio: ratios(runs, 'homeMs'),
        firstCardRatio: ratios(runs, 'firstCardMs'),
        repeats: tally.repeats,
        loadKnown: tally.loadKnown,
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
