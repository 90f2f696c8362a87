import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { readDeckSources } from '../cli/read-deck-sources.ts';
import { launchBenchChromium, repoRoot, startPreview, viteBuild } from './bench-browser.ts';
import { generateCorpus } from './generate-corpus.ts';

const decksDir = '.bench/review-decks';
const deckFolder = 'bench-deck';
const deckTitle = 'Bench deck';
const deckId = 'bench-deck';
const outDir = '.bench/review-dist';
const topicCount = 150;

export interface ReviewTiming {
  /** Nearest-rank percentiles of the time from a rating key press to the next card, in ms. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The same, up to the first animation frame after the next card is in the DOM. */
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly reviews: number;
  /** Every review's time, in review order. */
  readonly samplesMs: readonly number[];
  readonly studyCards: number;
  /** Time to build the app around the bench deck, in ms: not part of the figures above. */
  readonly buildMs: number;
}

/** What the init script keeps on `window`. */
interface ReviewProbe {
  /** Key press to the progress text's change, as seen by a MutationObserver. */
  readonly commits: number[];
  /** Key press to the first animation frame after that change. */
  readonly frames: number[];
  pending: { readonly start: number; readonly progress: string | null } | undefined;
}

type ProbeWindow = Window & { __benchReview?: ReviewProbe };

/** Nearest-rank percentile: the smallest sample with at least `percent`% of samples at or below. */
export function nearestRank(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Writes the generated deck, checks what it compiles to, and returns its study card count. */
async function writeBenchDeck(): Promise<number> {
  const root = path.join(repoRoot, decksDir);
  await rm(root, { recursive: true, force: true });
  const folder = path.join(root, deckFolder);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'index.md'), `# ${deckTitle}\n`);
  for (const file of generateCorpus(topicCount, 'bench-review', deckFolder)) {
    await writeFile(path.join(folder, path.basename(file.path)), file.content);
  }
  const { sources, errors } = await readDeckSources([folder]);
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('\n'));
  const deck = compileDecks(sources).decks[0];
  if (deck?.id !== deckId) throw new Error(`bench deck compiled to id ${deck?.id ?? 'none'}`);
  return deck.cards.filter((card) => card.kind !== 'quiz').length;
}

/**
 * Installed before the app's scripts: stamps rating key presses (capture phase, so before the
 * app's own listener) and the next card's arrival. Plain JavaScript in a string: tsx would wrap
 * the named functions of a TypeScript function in a helper the page does not have.
 */
const probeScript = `(() => {
  const probe = { commits: [], frames: [], pending: undefined };
  window.__benchReview = probe;
  const progressText = () => document.querySelector('.session-progress span')?.textContent ?? null;
  document.addEventListener('keydown', (event) => {
    if (event.repeat || !['1', '2', '3', '4'].includes(event.key)) return;
    probe.pending = { start: performance.now(), progress: progressText() };
  }, { capture: true });
  new MutationObserver(() => {
    const pending = probe.pending;
    if (!pending || progressText() === pending.progress) return;
    probe.pending = undefined;
    probe.commits.push(performance.now() - pending.start);
    requestAnimationFrame(() => probe.frames.push(performance.now() - pending.start));
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/**
 * Times 200 reviews in the built app, in Chromium: from each rating key press to the next card
 * on screen, measured inside the page.
 */
export async function benchReview(reviews = 200): Promise<ReviewTiming> {
  const studyCards = await writeBenchDeck();
  if (studyCards <= reviews) {
    throw new Error(`the bench deck has ${studyCards} study cards, fewer than ${reviews} reviews`);
  }
  const buildStart = performance.now();
  await viteBuild(outDir, { RECALLMAP_DECKS_DIR: decksDir });
  const buildMs = performance.now() - buildStart;

  const server = await startPreview(outDir);
  let browser: Browser | undefined;
  try {
    browser = await launchBenchChromium();
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await context.addInitScript({ content: probeScript });

    await page.goto(`${server.baseUrl}/settings`);
    await page.getByLabel('New cards per deck per day').fill('1000');
    // Every card of the deck in one session, as before siblings waited: the figure stays comparable.
    await page.getByLabel('Siblings wait until the next day').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();

    await page.goto(`${server.baseUrl}/decks/${deckId}/study`);
    const progress = page.locator('.session-progress span');
    await progress.waitFor();
    const first = await progress.textContent();
    if (first !== `1 of ${studyCards}`) {
      throw new Error(`the session starts at "${first}", not "1 of ${studyCards}"`);
    }

    for (let review = 0; review < reviews; review++) {
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^Good/ }).waitFor();
      await page.keyboard.press(review % 2 === 0 ? '3' : '4');
      await page.waitForFunction(
        (count) => ((window as ProbeWindow).__benchReview?.frames.length ?? 0) >= count,
        review + 1,
      );
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    }
    const probe = await page.evaluate(() => (window as ProbeWindow).__benchReview);
    if (!probe || probe.commits.length !== reviews) {
      throw new Error(`recorded ${probe?.commits.length ?? 0} of ${reviews} reviews`);
    }
    return {
      p50Ms: nearestRank(probe.commits, 50),
      p95Ms: nearestRank(probe.commits, 95),
      minMs: Math.min(...probe.commits),
      maxMs: Math.max(...probe.commits),
      frameP50Ms: nearestRank(probe.frames, 50),
      frameP95Ms: nearestRank(probe.frames, 95),
      reviews,
      samplesMs: probe.commits,
      studyCards,
      buildMs,
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const timing = await benchReview();
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `review, ${timing.reviews} of ${timing.studyCards} cards: p50 ${ms(timing.p50Ms)} ms, p95 ${ms(timing.p95Ms)} ms (min ${ms(timing.minMs)}, max ${ms(timing.maxMs)}); to the next frame p50 ${ms(timing.frameP50Ms)} ms, p95 ${ms(timing.frameP95Ms)} ms; build ${ms(timing.buildMs)} ms`,
  );
}
