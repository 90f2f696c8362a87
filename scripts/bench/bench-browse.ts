import { pathToFileURL } from 'node:url';
import { type Spread, spreadOf } from './bench-browser.ts';
import { probeScript, waitForMark } from './bench-probe.ts';
import { type BenchProfile, benchProfile, closeBenchProfiles } from './bench-profile.ts';

const browseRuns = 3;
/** Cards each run selects and suspends: a different thousand each run, so each one suspends. */
const selectedCards = 1000;
/** A generated topic's title (qualifier and noun): it matches a few hundred cards. */
const searchText = 'lock semaphore';
/** The height of a row of Browse's list, as `src/ui/browse/card-list.tsx` fixes it. */
const rowHeightPx = 60;

interface BrowseRun {
  /** Navigation to `/browse` until rows of the list are painted. */
  readonly openMs: number;
  /** Until every deck's cards are in the list. */
  readonly allListedMs: number;
  /** A search typed in one go until the list says how many cards match. */
  readonly searchMs: number;
  /** A click on `Suspend` with 1,000 cards selected until Browse says it is done. */
  readonly actionMs: number;
}

export interface BrowseTiming {
  readonly profile: string;
  readonly runs: readonly BrowseRun[];
  readonly openMs: Spread;
  readonly allListedMs: Spread;
  readonly searchMs: Spread;
  readonly actionMs: Spread;
}

/** One visit to `/browse` in a newly launched browser on the seeded profile: run `run` of all. */
async function browseRun(profile: BenchProfile, run: number): Promise<BrowseRun> {
  const script = probeScript({ deckCount: profile.decks.length });
  const { context, page } = await profile.open(script);
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Starts the browser's network service and renderer outside the timed navigation.
    await page.goto(`${profile.baseUrl}/favicon.svg`);
    await page.goto(`${profile.baseUrl}/browse`);
    const opened = await waitForMark(page, 'browseAll');

    // One `fill` is one input event: the time from it to the list's answer is the search's cost.
    await page.getByLabel('Search cards').fill(searchText);
    const searched = await waitForMark(page, 'searched');
    await page.getByLabel('Search cards').fill('');
    await page.getByRole('status').filter({ hasNotText: 'match' }).first().waitFor();

    // Rows `first` to `first + 999` in deck order: a click on the first, a Shift-click on the last.
    const first = run * selectedCards + 1;
    const last = first + selectedCards - 1;
    const list = page.locator('.browse-list');
    const row = (position: number) =>
      page.locator(`ul[aria-label="Cards"] li[aria-posinset="${position}"] button`);
    await list.evaluate((element, top) => element.scrollTo(0, top), (first - 1) * rowHeightPx);
    await row(first).click();
    await list.evaluate((element, top) => element.scrollTo(0, top), (last - 1) * rowHeightPx);
    await row(last).click({ modifiers: ['Shift'] });
    await page
      .getByRole('status')
      .filter({ hasText: `${selectedCards.toLocaleString('en')} selected` })
      .waitFor();
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    const acted = await waitForMark(page, 'actionDone');
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    const between = (from: number | undefined, to: number | undefined) =>
      (to ?? Number.NaN) - (from ?? Number.NaN);
    return {
      openMs: opened.frames.browse ?? Number.NaN,
      allListedMs: opened.frames.browseAll ?? Number.NaN,
      searchMs: between(searched.marks.searchTyped, searched.frames.searched),
      actionMs: between(acted.marks.actionClick, acted.frames.actionDone),
    };
  } finally {
    await context.close();
  }
}

/** `browseRuns` visits to `/browse` with 100,000 cards and 1,000,000 events stored. */
export async function benchBrowse(profile?: BenchProfile): Promise<BrowseTiming> {
  const target = profile ?? (await benchProfile(100_000, 1_000_000));
  const runs: BrowseRun[] = [];
  for (let run = 0; run < browseRuns; run++) runs.push(await browseRun(target, run));
  return {
    profile: target.label,
    runs,
    openMs: spreadOf(runs.map((run) => run.openMs)),
    allListedMs: spreadOf(runs.map((run) => run.allListedMs)),
    searchMs: spreadOf(runs.map((run) => run.searchMs)),
    actionMs: spreadOf(runs.map((run) => run.actionMs)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const cards = Number(process.argv[2] ?? 100_000);
    const events = Number(process.argv[3] ?? cards * 10);
    console.log(JSON.stringify(await benchBrowse(await benchProfile(cards, events)), null, 2));
  } finally {
    await closeBenchProfiles();
  }
}
