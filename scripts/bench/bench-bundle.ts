import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBenchChromium, repoRoot, startPreview, viteBuild } from './bench-browser.ts';

const outDir = '.bench/bundle-dist';
const checkScript = path.join(repoRoot, '.ci', 'check-bundle-budget.mjs');

/** The budgets, as `.ci/check-bundle-budget.mjs` (their one home) prints them. */
interface BundleBudgets {
  readonly homeGzipBytes: number;
  readonly studyAddedGzipBytes: number;
  readonly browseAddedGzipBytes: number;
}

interface BundleFile {
  readonly file: string;
  readonly gzipBytes: number;
  /** A bundled deck's data (deck JSON), not code. */
  readonly deck: boolean;
}

export interface BundleSizes {
  /** JS and CSS `/` loads until every deck shows its counts, gzip level 9, deck data included. */
  readonly homeGzipBytes: number;
  /** JS and CSS a client-side move to the first deck's study page adds to that. */
  readonly studyAddedGzipBytes: number;
  /** Deck data chunks among them, and their bytes. */
  readonly homeDeckChunks: number;
  readonly homeDeckGzipBytes: number;
  readonly studyAddedDeckChunks: number;
  readonly studyAddedDeckGzipBytes: number;
  /** Deck tiles the home page showed. */
  readonly homeDecksShown: number;
  readonly homeFiles: readonly BundleFile[];
  readonly studyAddedFiles: readonly BundleFile[];
  /**
   * What `.ci/check-bundle-budget.mjs` reads from dist/ without a browser, and what the budgets
   * hold: the code and CSS a page needs before it can render, its entry and what that imports
   * statically. The figures above add what the page fetches lazily once shown (the home page's
   * import panel and mastery, the storage notices, the deck counts' keeper), and deck data.
   */
  readonly staticHomeGzipBytes: number;
  readonly staticStudyAddedGzipBytes: number;
  /** Files the static check counts that Chromium never fetched: none, unless the check is wrong. */
  readonly staticFilesNotFetched: readonly string[];
  /** JS and CSS the browse route adds to `/`, read from dist/ the same way. */
  readonly staticBrowseAddedGzipBytes: number;
  readonly budgets: BundleBudgets;
}

/** Files of `dist` the page fetched, as dist-relative paths: JS and CSS of its own origin. */
function recordAssets(page: Page, origin: string): Set<string> {
  const fetched = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && /\.(?:js|css)$/.test(url.pathname)) {
      fetched.add(url.pathname.replace(/^\//, ''));
    }
  });
  return fetched;
}

/** Waits until the page has fetched nothing new for `quietMs`. */
async function settle(page: Page, fetched: ReadonlySet<string>, quietMs = 750): Promise<void> {
  let count = -1;
  while (count !== fetched.size) {
    count = fetched.size;
    await page.waitForTimeout(quietMs);
  }
}

interface StaticFigures {
  readonly homeGzipBytes: number;
  readonly studyAddedGzipBytes: number;
  readonly browseAddedGzipBytes: number;
  readonly homeFiles: readonly { readonly file: string }[];
  readonly studyAddedFiles: readonly { readonly file: string }[];
  readonly budgets: BundleBudgets;
}

async function staticFigures(): Promise<StaticFigures> {
  const child = spawn(process.execPath, [checkScript, path.join(repoRoot, outDir), '--json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Exit 1 only says a budget is exceeded; the figures are there all the same.
  if (code !== 0 && code !== 1) throw new Error(`check-bundle-budget exited ${code}: ${output}`);
  return JSON.parse(output) as StaticFigures;
}

const sum = (files: readonly BundleFile[]) =>
  files.reduce((total, file) => total + file.gzipBytes, 0);

/**
 * Builds the app as shipped (the real decks/ folder), loads `/` in Chromium and sums the gzip
 * sizes of every JS and CSS file it fetched until each deck showed its counts; then moves to the
 * first deck's study page without reloading (as a link would) and sums what that added. Service
 * workers are blocked, so only the page's own loads count (the worker would precache every file).
 */
export async function benchBundle(): Promise<BundleSizes> {
  await viteBuild(outDir, { RECALLMAP_DECKS_DIR: 'decks', RECALLMAP_EXTRA_DECKS_DIR: '' });
  const dist = path.join(repoRoot, outDir);
  const describe = async (files: Iterable<string>): Promise<BundleFile[]> => {
    const described = await Promise.all(
      [...files].map(async (file) => {
        const content = await readFile(path.join(dist, file));
        return {
          file,
          gzipBytes: gzipSync(content, { level: 9 }).length,
          deck:
            file.endsWith('.js') &&
            /^(?:var|let|const)\s+[\w$]+\s*=\s*JSON\.parse\(/.test(
              content.toString('utf8', 0, 100),
            ),
        };
      }),
    );
    return described.sort((a, b) => b.gzipBytes - a.gzipBytes);
  };

  const server = await startPreview(outDir);
  let browser: Browser | undefined;
  try {
    browser = await launchBenchChromium();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const fetched = recordAssets(page, server.baseUrl);

    await page.goto(`${server.baseUrl}/`);
    await page.waitForFunction(() => {
      const tiles = [...document.querySelectorAll('.deck-tile')];
      return (
        tiles.length > 0 &&
        tiles.every((tile) =>
          /^New: \d+$/.test(tile.querySelector('.count-new')?.textContent ?? ''),
        )
      );
    });
    const deckCount = await page.locator('.deck-tile').count();
    const firstDeck = await page.locator('.deck-tile h2 a').first().getAttribute('href');
    if (!firstDeck) throw new Error('the home page links to no deck');
    await settle(page, fetched);
    const home = new Set(fetched);

    // A client-side move, as the router makes it: history entry, then popstate.
    await page.evaluate(`(() => {
      history.pushState(null, '', ${JSON.stringify(`${firstDeck}/study`)});
      dispatchEvent(new PopStateEvent('popstate'));
    })()`);
    await page
      .getByRole('button', { name: /^Show answer/ })
      .or(page.getByText(/^(No cards due|Session complete)/))
      .first()
      .waitFor();
    await settle(page, fetched);
    const study = [...fetched].filter((file) => !home.has(file));

    const homeFiles = await describe(home);
    const studyAddedFiles = await describe(study);
    const decks = (files: readonly BundleFile[]) => files.filter((file) => file.deck);
    const checked = await staticFigures();
    return {
      homeGzipBytes: sum(homeFiles),
      studyAddedGzipBytes: sum(studyAddedFiles),
      homeDeckChunks: decks(homeFiles).length,
      homeDeckGzipBytes: sum(decks(homeFiles)),
      studyAddedDeckChunks: decks(studyAddedFiles).length,
      studyAddedDeckGzipBytes: sum(decks(studyAddedFiles)),
      homeDecksShown: deckCount,
      homeFiles,
      studyAddedFiles,
      staticHomeGzipBytes: checked.homeGzipBytes,
      staticStudyAddedGzipBytes: checked.studyAddedGzipBytes,
      staticFilesNotFetched: [...checked.homeFiles, ...checked.studyAddedFiles]
        .map(({ file }) => file)
        .filter((file) => !fetched.has(file)),
      staticBrowseAddedGzipBytes: checked.browseAddedGzipBytes,
      budgets: checked.budgets,
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchBundle(), null, 2));
}
