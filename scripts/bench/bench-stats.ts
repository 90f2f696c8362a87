import { pathToFileURL } from 'node:url';
import { type Spread, spreadOf } from './bench-browser.ts';
import { probeScript, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';
import {
  type LoadDuringRun,
  loadDuringRun,
  measureWhenQuiet,
  newBusyTally,
  type WatchedRun,
} from './busy-repeats.ts';
import { measureWhileWatching } from './machine-load.ts';

const statsRuns = 5;

const log = (line: string) => process.stderr.write(`bench: stats: ${line}\n`);

interface StatsRun extends WatchedRun {
  /** Navigation to `/stats` until the total, the heatmap and the forecast are on screen. */
  readonly renderMs: number;
  /** Until the true-retention line gave its result. */
  readonly retentionMs: number;
  /** Until every deck's figures, which need the card states, are on screen. */
  readonly decksMs: number;
  /**
   * The longest main-thread block from navigation until all three of the above, whichever came
   * last: the larger of the two below.
   */
  readonly maxBlockedMs: number;
  /** The longest 'longtask' entry. */
  readonly longestTaskMs: number;
  /** The largest gap between ticks of a zero-delay timer loop. */
  readonly largestGapMs: number;
  /** When the longest block began, in ms since navigation. */
  readonly blockedAtMs: number;
  readonly longTasks: number;
}

export interface StatsTiming {
  readonly profile: string;
  readonly runs: readonly StatsRun[];
  readonly renderMs: Spread;
  readonly retentionMs: Spread;
  readonly decksMs: Spread;
  readonly maxBlockedMs: Spread;
  readonly repeats: number;
  readonly loadKnown: boolean;
}

/** One visit to `/stats` in a newly launched browser on the seeded profile. */
async function statsRun(
  profile: BenchProfile,
): Promise<Omit<StatsRun, keyof WatchedRun> & LoadDuringRun> {
  const script = probeScript({
    deckCount: profile.decks.length,
    totalReviewsText: profile.seeded.events.toLocaleString('en'),
    heartbeat: true,
  });
  const { context, page } = await profile.open(script);
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Starts the browser's network service and renderer outside the timed navigation.
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    const watched = await measureWhileWatching(async () => {
      await page.goto(`${profile.baseUrl}/stats`);
      await page.getByRole('heading', { name: 'Statistics' }).waitFor();
      const rendered = await waitForMark(page, 'stats');
      await waitForMark(page, 'retention');
      return { rendered, done: await waitForMark(page, 'statsDecks') };
    });
    const { rendered, done } = watched.result;
    const retentionLine = await page
      .locator('section[aria-labelledby="retention-heading"] p')
      .textContent();
    if (retentionLine?.startsWith('Could not')) {
      throw new Error(`true retention failed: ${retentionLine}`);
    }
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    // The page is whole once all three are shown; any may come first.
    const until = Math.max(
      done.marks.retention ?? Number.POSITIVE_INFINITY,
      done.marks.stats ?? Number.POSITIVE_INFINITY,
      done.marks.statsDecks ?? Number.POSITIVE_INFINITY,
    );
    const tasks = done.longTasks.filter(([start]) => start < until);
    const gaps = done.gaps.filter(([start]) => start < until);
    const longest = tasks.reduce((best, task) => (task[1] > best[1] ? task : best), [0, 0]);
    const largest = gaps.reduce((best, gap) => (gap[1] > best[1] ? gap : best), [0, 0]);
    const block = longest[1] >= largest[1] ? longest : largest;
    return {
      renderMs: rendered.frames.stats ?? Number.NaN,
      retentionMs: done.frames.retention ?? Number.NaN,
      decksMs: done.frames.statsDecks ?? Number.NaN,
      maxBlockedMs: block[1],
      longestTaskMs: longest[1],
      largestGapMs: largest[1],
      blockedAtMs: block[0],
      longTasks: tasks.length,
      ...loadDuringRun(watched),
    };
  } finally {
    await context.close();
  }
}

/** `statsRuns` visits to `/stats` with 1,000,000 events stored, busy ones taken again. */
export async function benchStats(profile?: BenchProfile): Promise<StatsTiming> {
  const target = profile ?? (await benchProfile(100_000, 1_000_000));
  const runs: StatsRun[] = [];
  const tally = newBusyTally();
  for (let run = 1; run <= statsRuns; run++) {
    runs.push(await measureWhenQuiet(`run ${run}`, () => statsRun(target), tally, log));
  }
  if (!tally.loadKnown) log('no /proc here: whether other processes used the CPU is unknown');
  return {
    profile: target.label,
    runs,
    renderMs: spreadOf(runs.map((run) => run.renderMs)),
    retentionMs: spreadOf(runs.map((run) => run.retentionMs)),
    decksMs: spreadOf(runs.map((run) => run.decksMs)),
    maxBlockedMs: spreadOf(runs.map((run) => run.maxBlockedMs)),
    repeats: tally.repeats,
    loadKnown: tally.loadKnown,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const cards = Number(process.argv[2] ?? 100_000);
    const events = Number(process.argv[3] ?? cards * 10);
    console.log(JSON.stringify(await benchStats(await benchProfile(cards, events)), null, 2));
  } finally {
    await closeBenchProfiles();
  }
}
