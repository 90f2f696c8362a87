import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchChromium, openPage } from './chromium';
import { rateWithKeys } from './keyboard-study';

const baseUrl = inject('baseUrl');
const deckPath = '/decks/python-asynchronous-frameworks';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

describe('the statistics page', () => {
  it('counts the reviews of a study session and a quiz, also after a reload', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 0').waitFor();
    await page.getByText('No reviews of cards in the review phase yet.').waitFor();

    await page.goto(`${baseUrl}${deckPath}/study`);
    for (let card = 0; card < 3; card++) await rateWithKeys(page, '4');
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await page.locator('.option').first().waitFor();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Next' }).waitFor();

    await page.goto(`${baseUrl}/stats`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    await page.getByText('Total reviews: 4').waitFor();
    const heatmap = page.locator('svg.heatmap');
    await expect(heatmap.getAttribute('role')).resolves.toBe('img');
    await expect(page.locator('svg.heatmap title').first().textContent()).resolves.toMatch(
      /^4 reviews on 1 day of the last 365/,
    );
    // Three Easy answers put three cards days ahead: the forecast shows them after today.
    await expect(page.locator('svg.forecast title').first().textContent()).resolves.toMatch(
      /^4 cards due in the next 30 days/,
    );
    await page.getByText('Reviews per month as a table').click();
    const thisMonth = page.locator('figure:has(svg.heatmap) tbody tr').last();
    await expect(thisMonth.locator('td').first().textContent()).resolves.toBe('4');
    const mastery = page.getByRole('progressbar', {
      name: 'Python asynchronous frameworks mastery',
    });
    expect(Number(await mastery.getAttribute('value'))).toBeGreaterThan(0);
    const deckStats = page.getByRole('article', { name: 'Python asynchronous frameworks' });
    await deckStats.getByText('Mastery by topic').click();
    await deckStats.getByRole('row', { name: /^Sanic/ }).waitFor();
    await expect(deckStats.getByRole('row').count()).resolves.toBe(5);
    await page.getByText('No reviews of cards in the review phase yet.').waitFor();
    expect(errors).toEqual([]);
  });

  it('has no axe violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openPage(browser, { colorScheme });
      await page.goto(`${baseUrl}/stats`);
      await page.getByText(/^Total reviews: \d+$/).waitFor();
      await page.getByText('Reviews per month as a table').click();
      await expectNoAxeViolations(page);
    }
  });
});
