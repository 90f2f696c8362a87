import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/bench/local-chromium';

export interface OpenedPage {
  readonly context: Awaited<ReturnType<Browser['newContext']>>;
  readonly page: Page;
  /** The page's uncaught errors, for the test that caused them to assert on. */
  readonly errors: string[];
}

/** A moment in a time zone, for a page whose clock the test moves by hand. */
export interface PageClock {
  readonly timeZone: string;
  readonly time: Date;
}

/**
 * One Chromium for the enclosing file, launched before its tests and closed after them, and the
 * address of the preview server the global set-up started. Each page opens in a context of its
 * own: another browser profile, with no IndexedDB or localStorage of the others.
 */
export function browserHarness() {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openPage(options: BrowserContextOptions = {}): Promise<OpenedPage> {
    if (!browser) throw new Error('Chromium is not running: open pages inside a test');
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, errors };
  }

  /** A page in `timeZone` whose clock starts at `time` and moves only when the test moves it. */
  async function openPageAt({ timeZone, time }: PageClock): Promise<OpenedPage> {
    const opened = await openPage({ timezoneId: timeZone });
    await opened.page.clock.install({ time });
    return opened;
  }

  return { baseUrl, openPage, openPageAt };
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
