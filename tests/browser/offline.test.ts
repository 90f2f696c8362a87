import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { startPreview } from '../support/preview-server';
import { countTexts } from '../support/progress-reads';
import { waitForSessionProgress } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

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
    const { context, page, errors } = await openPage();
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
    const { context, page } = await openPage();
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

  it('gives the browser its web app manifest once the page has loaded', async () => {
    const { context, page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    const devtools = await context.newCDPSession(page);
    // What the browser reads to offer installing the app: the manifest it found, parsed.
    const manifest = async () => {
      const { url, errors: manifestErrors, data } = await devtools.send('Page.getAppManifest');
      return { url, manifestErrors, name: data ? JSON.parse(data).name : undefined };
    };
    await expect
      .poll(manifest)
      .toEqual({ url: `${baseUrl}/manifest.webmanifest`, manifestErrors: [], name: 'Recallmap' });
    expect(errors).toEqual([]);
  });

  it('offers a new version with Reload and updates only when asked', async () => {
    // The next release is written into a copy of the build, served on its own: dist/ stays as built.
    const release = await mkdtemp(join(tmpdir(), 'recallmap-release-'));
    await cp('dist', release, { recursive: true });
    const preview = await startPreview(release);
    try {
      const { page } = await openPage();
      await page.goto(`${preview.baseUrl}${deckPath}/study`);
      await untilServedByServiceWorker(page);
      await page.getByRole('button', { name: 'Show answer' }).click();

      await appendFile(join(release, 'sw.js'), '\n// next release\n');
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
      // The reloaded page resumes the session where it was: the same card, its answer shown.
      await page.getByRole('button', { name: /^Good/ }).waitFor();
      await expect(prompt.count()).resolves.toBe(0);
    } finally {
      preview.stop();
      await rm(release, { recursive: true, force: true });
    }
  });
});
