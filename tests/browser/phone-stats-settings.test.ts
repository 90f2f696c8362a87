import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const phone = { viewport: { width: 360, height: 740 } };
const deckPath = '/decks/python-asynchronous-frameworks';

/** The page itself never scrolls sideways: anything wider scrolls inside its own box. */
async function expectNoSidewaysPageScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('statistics and settings on a 360 × 740 phone', () => {
  it('opens the review calendar on today, with month labels and text of 12 px at least', async () => {
    const { page, errors } = await openPage(phone);
    await page.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(page, '3');
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 1').waitFor();
    const calendar = page.getByRole('group', { name: 'Review calendar' });
    await calendar.getByRole('img', { name: /^1 review on 1 day of the last 365/ }).waitFor();
    await page.getByRole('group', { name: 'Due forecast' }).waitFor();
    await expectNoSidewaysPageScroll(page);

    const view = await calendar.evaluate((scroller) => {
      const box = scroller.getBoundingClientRect();
      // Cells are titled `YYYY-MM-DD: N reviews`; the latest day is today.
      const cells = [...scroller.querySelectorAll('rect')].map((cell) => ({
        day: cell.querySelector('title')?.textContent?.slice(0, 10) ?? '',
        box: cell.getBoundingClientRect(),
      }));
      const today = cells.reduce((latest, cell) => (cell.day > latest.day ? cell : latest));
      const labels = [...scroller.querySelectorAll('text')].map((text) => text.textContent);
      return {
        today: today.day,
        scrolls: scroller.scrollWidth > scroller.clientWidth,
        todayInView: today.box.left >= box.left && today.box.right <= box.right,
        todayOnScreen: today.box.right <= window.innerWidth,
        labels,
      };
    });
    expect(view.scrolls).toBe(true);
    expect(view.todayInView).toBe(true);
    expect(view.todayOnScreen).toBe(true);
    const month = new Date(`${view.today}T12:00:00Z`).toLocaleString('en', {
      month: 'short',
      timeZone: 'UTC',
    });
    expect(view.labels).toEqual(expect.arrayContaining(['Sun', 'Sat', month]));

    // Text as rendered: the font size times the scale of the drawing on screen.
    for (const chart of ['Review calendar', 'Due forecast']) {
      const smallest = await page.getByRole('group', { name: chart }).evaluate((scroller) => {
        const svg = scroller.querySelector('svg');
        if (!svg) return 0;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text')].map(
          (text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale,
        );
        return Math.min(...sizes);
      });
      expect(smallest, chart).toBeGreaterThanOrEqual(12);
    }

    // A keyboard reaches each scroller and scrolls it.
    await calendar.focus();
    const before = await calendar.evaluate((scroller) => scroller.scrollLeft);
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => calendar.evaluate((scroller) => scroller.scrollLeft))
      .toBeLessThan(before);
    expect(errors).toEqual([]);
  });

  // One test for each page and theme: axe over a year of calendar squares takes a while.
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no sideways scroll and no axe violations on /stats, ${colorScheme}`, async () => {
      const { page, errors } = await openPage({ ...phone, colorScheme });
      await page.goto(`${baseUrl}/stats`);
      await page.getByRole('group', { name: 'Review calendar' }).waitFor();
      await page.getByText('Reviews per month as a table').click();
      await page.getByText('Due cards per day as a table').click();
      await expectNoSidewaysPageScroll(page);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    it(`has no sideways scroll and no axe violations on /settings, ${colorScheme}`, async () => {
      const { page, errors } = await openPage({ ...phone, colorScheme });
      await page.goto(`${baseUrl}/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByLabel('Questions per quiz').fill('500');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('alert').filter({ hasText: 'Settings were not saved' }).waitFor();
      await expectNoSidewaysPageScroll(page);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  }

  it('says what the browser answered about keeping storage, and asks before dropping changes', async () => {
    const { page, errors } = await openPage(phone);
    await page.goto(`${baseUrl}/settings`);
    await page.getByText(/^Not yet persistent/).waitFor();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(page, '3');
    await page.reload();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    // Headless Chromium never makes storage persistent: it was asked, and said no.
    await page.getByText(/^Not persistent: the browser was asked/).waitFor();

    const quizLength = page.getByLabel('Questions per quiz');
    await quizLength.fill('12');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Decks' }).click();
    await expect
      .poll(() => questions)
      .toEqual(['Leave without saving your changes to the settings?']);
    await expect(quizLength.inputValue()).resolves.toBe('12');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('link', { name: 'Python asynchronous frameworks' }).waitFor();
    expect(errors).toEqual([]);
  });
});
