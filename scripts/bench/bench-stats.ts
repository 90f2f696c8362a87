import { pathToFileURL } from 'node:url';
import { type Spread, spreadOf } from './bench-browser.ts';
import { pressKeysUntil, probeScript, waitForMark } from './bench-probe.ts';
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
   * The longest main-thread task from navigation until all three of the above, whichever came
   * last: no input is handled while a task runs.
   */
  readonly maxBlockedMs: number;
  /**
   * The largest gap between ticks of a zero-delay timer loop over the same time. Not how long
   * input waits: Chromium runs input before timers, and the loop waits behind runs of short tasks
   * that a key press does not wait for (`keyPressRun`).
   */
  readonly largestGapMs: number;
  /** When the longest task began, in ms since navigation. */
  readonly blockedAtMs: number;
  readonly longTasks: number;
}

interface KeyPressRun extends WatchedRun {
  /** The longest wait of a key press for its handler, among presses after the first paint. */
  readonly longestWaitMs: number;
  /** When that press came, in ms since navigation. */
  readonly waitedAtMs: number;
  readonly presses: number;
}

export interface StatsTiming {
  readonly profile: string;
  readonly runs: readonly StatsRun[];
  readonly renderMs: Spread;
  readonly retentionMs: Spread;
  readonly decksMs: Spread;
  readonly maxBlockedMs: Spread;
  readonly largestGapMs: Spread;
  readonly keyRuns: readonly KeyPressRun[];
  readonly keyWaitMs: Spread;
  readonly repeats: number;
  readonly loadKnown: boolean;
}

/**
 * A newly launched browser on the seeded profile with the probe (its timer loop with
 * `heartbeat`), on a page of the origin that does not start the app: the browser's network
 * service and renderer start outside the timed navigation.
 */
async function openOnFavicon(profile: BenchProfile, heartbeat: boolean) {
  const script = probeScript({
    deckCount: profile.decks.length,
    totalReviewsText: profile.seeded.events.toLocaleString('en'),
    heartbeat,
  });
  const opened = await profile.open(script);
  try {
    await opened.page.goto(`${profile.baseUrl}/favicon.svg`);
  } catch (error) {
    await opened.context.close();
    throw error;
  }
  return opened;
}

/** One visit to `/stats` in a newly launched browser on the seeded profile. */
async function statsRun(
  profile: BenchProfile,
): Promise<Omit<StatsRun, keyof WatchedRun> & LoadDuringRun> {
  const { context, page } = await openOnFavicon(profile, true);
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const watched = await measureWhileWatching(async () => {
      await page.goto(`${profile.baseUrl}/stats`);
      const rendered = await waitForMark(page, 'stats');
      await waitForMark(page, 'retention');
      return { rendered, done: await waitForMark(page, 'statsDecks') };
    });
    const { rendered, done } = watched.result;
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
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
    const largestGap = gaps.reduce((best, gap) => Math.max(best, gap[1]), 0);
    return {
      renderMs: rendered.frames.stats ?? Number.NaN,
      retentionMs: done.frames.retention ?? Number.NaN,
      decksMs: done.frames.statsDecks ?? Number.NaN,
      maxBlockedMs: longest[1],
      largestGapMs: largestGap,
      blockedAtMs: longest[0],
      longTasks: tasks.length,
      ...loadDuringRun(watched),
    };
  } finally {
    await context.close();
  }
}

/**
 * A visit to `/stats` with a key pressed every few ms until every deck's figures are shown: how
 * long input waited, measured as a learner's key press meets it. In runs of their own, so that
 * the presses' handling takes nothing from the visits that time the page. Presses before the
 * first paint are left out: until then there is no page to act on.
 */
async function keyPressRun(
  profile: BenchProfile,
): Promise<Omit<KeyPressRun, keyof WatchedRun> & LoadDuringRun> {
  const { context, page } = await openOnFavicon(profile, false);
  try {
    const watched = await measureWhileWatching(async () => {
      await page.goto(`${profile.baseUrl}/stats`, { waitUntil: 'commit' });
      return pressKeysUntil(page, 'statsDecks');
    });
    const { state, firstPaintMs } = watched.result;
    const painted = state.keyWaits.filter(([at]) => at >= firstPaintMs);
    const longest = painted.reduce((best, press) => (press[1] > best[1] ? press : best), [0, 0]);
    if (painted.length === 0)
      throw new Error('no key press reached the page after its first paint');
    return {
      longestWaitMs: longest[1],
      waitedAtMs: longest[0],
      presses: painted.length,
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
  const keyRuns: KeyPressRun[] = [];
  for (let run = 1; run <= statsRuns; run++) {
    keyRuns.push(
      await measureWhenQuiet(`key presses ${run}`, () => keyPressRun(target), tally, log),
    );
  }
  if (!tally.loadKnown) log('no /proc here: whether other processes used the CPU is unknown');
  return {
    profile: target.label,
    runs,
    renderMs: spreadOf(runs.map((run) => run.renderMs)),
    retentionMs: spreadOf(runs.map((run) => run.retentionMs)),
    decksMs: spreadOf(runs.map((run) => run.decksMs)),
    maxBlockedMs: spreadOf(runs.map((run) => run.maxBlockedMs)),
    largestGapMs: spreadOf(runs.map((run) => run.largestGapMs)),
    keyRuns,
    keyWaitMs: spreadOf(keyRuns.map((run) => run.longestWaitMs)),
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
