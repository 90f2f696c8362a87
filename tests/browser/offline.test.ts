import { readFile, writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage } from './chromium';
import { countTexts, waitForSessionProgress } from './progress-page-reads';

const baseUrl = inject('baseUrl');
const deckPath = '/decks/python-asynchronous-frameworks';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** Waits until the service worker has precached the app and controls the page. */
async function untilServedByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('offline', () => {
  it('reloads and opens deep links with no network after one visit', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(baseUrl);
    await untilServedByServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    await page.goto(`${baseUrl}/decks/python-async-ecosystem`);
    await page.getByRole('button', { name: 'asyncio' }).click();
    await page.goto(`${baseUrl}/stats`);
    await page.getByText(/^Total reviews: \d+$/).waitFor();
    expect(errors).toEqual([]);
  });

  it('studies offline and keeps every review when the network returns', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}`);
    await untilServedByServiceWorker(page);

    await context.setOffline(true);
    await page.goto(`${baseUrl}${deckPath}/study`);
    for (const expected of ['2 of 4', '3 of 4']) {
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
      await waitForSessionProgress(page, expected);
    }
    await context.setOffline(false);
    await page.goto(`${baseUrl}${deckPath}`);
    await page.reload();
    expect(await countTexts(page)).toEqual(['New: 6', 'Learning: 2', 'Due: 0']);
  });

  it('offers a new version with Reload and updates only when asked', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/study`);
    await untilServedByServiceWorker(page);
    await page.getByRole('button', { name: 'Show answer' }).click();

    const serviceWorkerFile = 'dist/sw.js';
    const original = await readFile(serviceWorkerFile, 'utf8');
    try {
      await writeFile(serviceWorkerFile, `${original}\n// next release\n`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const prompt = page
        .getByRole('status')
        .filter({ hasText: 'A new version of Recallmap is ready' });
      await prompt.waitFor();
      // The session is untouched until the learner chooses: the answer is still on screen.
      await page.getByRole('button', { name: /^Good/ }).waitFor();
      const navigated = page.waitForEvent('framenavigated');
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await navigated;
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await expect(prompt.count()).resolves.toBe(0);
    } finally {
      await writeFile(serviceWorkerFile, original);
    }
  });
});
