import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { bundledSingleFileDeck } from '../support/deck-sources';
import { quizItemOnScreen, quizOptions } from '../support/quiz-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const frameworks = bundledSingleFileDeck('decks/python-async-frameworks.md');

const screenWidth = 360;
const screenHeight = 740;
/** A phone: a small touch screen, with no keyboard to press keys on. */
const phone = {
  viewport: { width: screenWidth, height: screenHeight },
  hasTouch: true,
  isMobile: true,
};

async function expectNoSidewaysScroll(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(screenWidth);
}

/** Whether the element lies wholly on screen as the page is scrolled now. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= screenHeight;
}

/** Whether the element's top edge, its first line, is on screen. */
async function topOnScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y < screenHeight;
}

/** Each page as a learner reaches it, left in the state the layout is checked in. */
const phonePages: readonly { readonly name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'home',
    async open(page) {
      await page.goto(baseUrl);
      await page.getByRole('link', { name: 'Python asynchronous frameworks' }).waitFor();
    },
  },
  {
    name: 'deck',
    async open(page) {
      await page.goto(`${baseUrl}${deckPath}`);
      await page.getByText(/to study now$/).waitFor();
    },
  },
  {
    name: 'study',
    async open(page) {
      // A long answer: the gist, the rest behind More, and the resources.
      await page.goto(`${baseUrl}${deckPath}/study`);
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page
        .getByRole('region', { name: 'Answer' })
        .getByRole('button', { name: 'More' })
        .click();
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(pageHeight).toBeGreaterThan(screenHeight);
      for (const rating of ['Again', 'Hard', 'Good', 'Easy']) {
        await expect(onScreen(page.getByRole('button', { name: rating }))).resolves.toBe(true);
      }
    },
  },
  {
    name: 'quiz',
    async open(page) {
      await page.goto(`${baseUrl}${deckPath}/quiz`);
      await answerWrong(page);
      const verdict = page.getByRole('status').filter({ hasText: /^Incorrect/ });
      await expect(topOnScreen(verdict)).resolves.toBe(true);
      await expect(onScreen(page.getByRole('button', { name: 'Next' }))).resolves.toBe(true);
    },
  },
];

/** Taps a wrong option of the question on screen and waits for the verdict; returns the item. */
async function answerWrong(page: Page) {
  const item = await quizItemOnScreen(page, frameworks.quiz);
  await quizOptions(page)
    .filter({ hasNotText: item.options[item.answerIndex] ?? '' })
    .first()
    .click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Incorrect/ })
    .waitFor();
  return item;
}

describe('on a 360 × 740 phone', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { name, open } of phonePages) {
      it(`fits the ${name} page to the screen, axe clean (${colorScheme})`, async () => {
        const { page, errors } = await openPage({ ...phone, colorScheme });
        await open(page);
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
      });
    }
  }

  it('keeps the verdict and Next in view after each wrong answer, and opens the next question at its top', async () => {
    const { page } = await openPage(phone);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // Options that are whole descriptions make the longest page; every format is met by then.
    for (let format = ''; format !== 'pick-description'; ) {
      const place = page.getByText(/^Question \d+ of \d+$/);
      await expect(topOnScreen(place)).resolves.toBe(true);
      format = (await answerWrong(page)).format ?? 'pick-term';
      const verdict = page.getByRole('status').filter({ hasText: /^Incorrect/ });
      await expect(topOnScreen(verdict)).resolves.toBe(true);
      const next = page.getByRole('button', { name: 'Next' });
      await expect(onScreen(next)).resolves.toBe(true);
      // Scrolled back up to the options, the learner still has Next at hand.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(onScreen(next)).resolves.toBe(true);
      await next.click();
    }
  });

  it('shows no key hints on a touch screen, and shows them with a keyboard and mouse', async () => {
    const keyHint = (page: Page, button: string | RegExp, key: string) =>
      page.getByRole('button', { name: button }).getByText(key, { exact: true });

    const touch = (await openPage(phone)).page;
    await touch.goto(`${baseUrl}${deckPath}/study`);
    await touch.getByRole('button', { name: 'Show answer' }).waitFor();
    await expect(keyHint(touch, 'Show answer', 'Space').isVisible()).resolves.toBe(false);
    await touch.getByRole('button', { name: 'Show answer' }).click();
    await touch.getByRole('button', { name: /^Good/ }).waitFor();
    await expect(keyHint(touch, /^Good/, '3').isVisible()).resolves.toBe(false);

    const desktop = (await openPage({ viewport: { width: 1280, height: 800 } })).page;
    await desktop.goto(`${baseUrl}${deckPath}/study`);
    await desktop.getByRole('button', { name: 'Show answer' }).waitFor();
    await expect(keyHint(desktop, 'Show answer', 'Space').isVisible()).resolves.toBe(true);
    await desktop.keyboard.press('Space');
    await desktop.getByRole('button', { name: /^Good/ }).waitFor();
    await expect(keyHint(desktop, /^Good/, '3').isVisible()).resolves.toBe(true);
  });
});

describe('on a 1280 px screen', () => {
  it('keeps Export for Anki in the row of Study and Quiz', async () => {
    const { page } = await openPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}${deckPath}`);
    const study = await page.getByRole('link', { name: 'Study' }).boundingBox();
    const exportButton = await page.getByRole('button', { name: 'Export for Anki' }).boundingBox();
    expect(exportButton?.y).toBe(study?.y);
    expect(exportButton?.x).toBeGreaterThan(study?.x ?? Number.POSITIVE_INFINITY);
  });
});
