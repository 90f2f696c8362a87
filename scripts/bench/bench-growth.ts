import { pathToFileURL } from 'node:url';
import type { Spread } from './bench-browser.ts';
import { probeScript, readProbe, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';
import { benchQueue } from './bench-queue.ts';
import { nearestRank } from './bench-review.ts';
import { benchStartupOn, type StartupTiming } from './bench-startup.ts';

// How the figures grow with the size of a learner's profile. Profiles hold ten review events per
// card: 1,000 cards with 10,000 events, 10,000 with 100,000, 100,000 with 1,000,000.

export const growthCardCounts = [1_000, 10_000, 100_000] as const;
export const growthEventCounts = [10_000, 1_000_000] as const;
const eventsPerCard = 10;
const reviewsPerRun = 50;

interface QueueSpread extends Spread {
  readonly size: number;
}

/** `benchQueue` over `size` card states: median, fastest and slowest of 10 runs, in ms. */
function benchQueueAt(size: number, runs = 10): QueueSpread {
  const timing = benchQueue(runs, size);
  const round = (value: number) => Number(value.toFixed(2));
  return {
    size,
    median: round(timing.ms),
    min: round(timing.minMs),
    max: round(timing.maxMs),
    runs: [],
  };
}

interface ReviewAtScale {
  readonly profile: string;
  readonly reviews: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * `reviews` ratings in the first deck's study session of a seeded profile: from each rating key
 * press to the next card on screen, measured in the page, as `npm run bench`'s review row does.
 */
async function benchReviewOn(
  profile: BenchProfile,
  reviews = reviewsPerRun,
): Promise<ReviewAtScale> {
  const deck = profile.decks[0];
  if (!deck) throw new Error('the profile has no deck');
  const { context, page } = await profile.open(probeScript({ deckCount: profile.decks.length }));
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${profile.baseUrl}/decks/${encodeURIComponent(deck.id)}/study`);
    await waitForMark(page, 'firstCard');
    for (let review = 0; review < reviews; review++) {
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^Good/ }).waitFor();
      await page.keyboard.press(review % 2 === 0 ? '3' : '4');
      await page.waitForFunction(
        (count) =>
          ((window as Window & { __benchProbe?: { reviews: number[] } }).__benchProbe?.reviews
            .length ?? 0) >= count,
        review + 1,
      );
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    }
    const samples = (await readProbe(page)).reviews;
    return {
      profile: profile.label,
      reviews: samples.length,
      p50Ms: nearestRank(samples, 50),
      p95Ms: nearestRank(samples, 95),
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
    };
  } finally {
    await context.close();
  }
}

export interface GrowthTiming {
  readonly queue: Readonly<Record<number, QueueSpread>>;
  readonly startup: Readonly<Record<number, StartupTiming>>;
  readonly review: Readonly<Record<number, ReviewAtScale>>;
}

export async function benchGrowth(): Promise<GrowthTiming> {
  const queue: Record<number, QueueSpread> = {};
  for (const size of growthCardCounts) queue[size] = benchQueueAt(size);
  const startup: Record<number, StartupTiming> = {};
  for (const cards of growthCardCounts) {
    startup[cards] = await benchStartupOn(await benchProfile(cards, cards * eventsPerCard));
  }
  // Reviews change the stored data, so they come after every start-up run of the same profile.
  const review: Record<number, ReviewAtScale> = {};
  for (const events of growthEventCounts) {
    review[events] = await benchReviewOn(await benchProfile(events / eventsPerCard, events));
  }
  return { queue, startup, review };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(JSON.stringify(await benchGrowth(), null, 2));
  } finally {
    await closeBenchProfiles();
  }
}
