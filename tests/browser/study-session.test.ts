import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { bundledSingleFileDeck } from '../support/deck-sources';
import { countTexts, dueForecastChart, dueForecastRows } from '../support/progress-reads';
import { rateWithKeys, sessionPlace, waitForSessionProgress } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const deck = bundledSingleFileDeck('decks/python-async-frameworks.md');

async function progressText(page: Page) {
  return sessionPlace(page).textContent();
}

/** The question side of a topic's term card, as the study page shows it. */
function termQuestion(topicIndex: number): string {
  const topic = deck.topics[topicIndex];
  if (!topic) throw new Error(`the deck has no topic ${topicIndex + 1}`);
  return `What is this?${topic.title}`;
}

/** The statistics a learner reads of what is stored: the total and the forecast of due cards. */
async function storedProgress(page: Page, dueCards: number) {
  await page.goto(`${baseUrl}/stats`);
  const total = await page.getByText(/^Total reviews: \d+$/).textContent();
  await dueForecastChart(page, dueCards).waitFor();
  return { total, forecast: await dueForecastRows(page) };
}

describe('a study session', () => {
  it('opens from a deep link with its deck asked for ahead of the app, each file fetched once', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => ({
          path: new URL(entry.name).pathname,
          by: (entry as PerformanceResourceTiming).initiatorType,
        }))
        .filter(({ path }) => path.startsWith('/assets/')),
    );
    const paths = fetched.map(({ path }) => path);
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths).size).toBe(paths.length);
    // The page's hints asked for the deck: the app's own fetch of it took the hint's response.
    expect(fetched.filter(({ path }) => path.startsWith('/assets/decks/'))).toEqual([
      {
        path: expect.stringMatching(/^\/assets\/decks\/python-asynchronous-frameworks-/),
        by: 'link',
      },
    ]);
    // Its stylesheets came with the entry's: none was fetched for the page.
    expect(paths.filter((path) => path.endsWith('.css'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('studies five cards by keyboard, and a reload keeps the counts and due times', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}`);
    expect(await countTexts(page)).toEqual(['New: 8', 'Learning: 0', 'Due: 0']);

    await page.goto(`${baseUrl}${deckPath}/study`);
    // One card of each of the four topics; their siblings wait for the next day.
    await expect(progressText(page)).resolves.toBe('1 of 4');
    for (let review = 0; review < 4; review++) await rateWithKeys(page, '3');
    // Each is due again in 10 minutes, within the learn-ahead limit: they come back at once.
    await expect(progressText(page)).resolves.toBe('5 of 8');
    await rateWithKeys(page, '3');
    await expect(progressText(page)).resolves.toBe('6 of 8');
    // Four cards stored: three due again within minutes, one graduated to a day ahead.
    const storedBefore = await storedProgress(page, 4);
    expect(storedBefore.total).toBe('Total reviews: 5');

    await page.goto(`${baseUrl}${deckPath}`);
    const countsBefore = await countTexts(page);
    expect(countsBefore).toEqual(['New: 4', 'Learning: 3', 'Due: 0']);
    await page.reload();
    expect(await countTexts(page)).toEqual(countsBefore);
    expect(await storedProgress(page, 4)).toEqual(storedBefore);
    // The three learning cards are still due within the learn-ahead limit: a new session has them.
    await page.goto(`${baseUrl}${deckPath}/study`);
    await waitForSessionProgress(page, '1 of 3');
    expect(errors).toEqual([]);
  });

  it('shows interval labels on the rating buttons and finishes with a summary', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    const ratings = page.getByRole('group', { name: 'How well did you recall it?' });
    // The buttons' chunk may still be on its way when the answer shows.
    await ratings.getByRole('button', { name: /^Easy/ }).waitFor();
    const names = await ratings
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ''));
    expect(names.map((name) => name.replace(/\d$/, ''))).toEqual([
      'Again1m',
      'Hard6m',
      'Good10m',
      expect.stringMatching(/^Easy\d+d$/),
    ]);
    await page.keyboard.press('4');
    for (let review = 1; review < 4; review++) await rateWithKeys(page, '4');
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();
    const summary = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'Session complete' }) });
    const terms = await summary.getByRole('term').allTextContents();
    const definitions = await summary.getByRole('definition').allTextContents();
    expect(
      Object.fromEntries(terms.map((term, index) => [term, definitions[index]])),
    ).toMatchObject({
      'Cards studied': '4',
      'Answered Again': '0',
    });

    await page.goto(`${baseUrl}${deckPath}/study`);
    await page.getByRole('heading', { name: 'No cards due' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/next card is due in/);
  });

  it('undoes the last review everywhere, also after a reload', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    const cardFront = async () => {
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      return page.getByRole('article', { name: 'Card' }).textContent();
    };
    // New cards come in deck order, one per topic.
    const firstCard = await cardFront();
    expect(firstCard).toBe(termQuestion(0));
    await rateWithKeys(page, '3');
    const secondCard = await cardFront();
    expect(secondCard).toBe(termQuestion(1));
    await rateWithKeys(page, '1');
    // Each undo brings back the card it undid, question side up.
    await page.keyboard.press('z');
    await waitForSessionProgress(page, '2 of 4');
    expect(await cardFront()).toBe(secondCard);
    await page.keyboard.press('Shift+Z');
    await waitForSessionProgress(page, '1 of 4');
    expect(await cardFront()).toBe(firstCard);

    await page.goto(`${baseUrl}${deckPath}`);
    expect(await countTexts(page)).toEqual(['New: 8', 'Learning: 0', 'Due: 0']);
    await page.reload();
    expect(await countTexts(page)).toEqual(['New: 8', 'Learning: 0', 'Due: 0']);
    expect(await storedProgress(page, 0)).toEqual({ total: 'Total reviews: 0', forecast: [] });
  });

  it('updates the counts in a second tab without a reload', async () => {
    const { context, page: studyTab } = await openPage();
    const deckTab = await context.newPage();
    await deckTab.goto(`${baseUrl}${deckPath}`);
    expect(await countTexts(deckTab)).toEqual(['New: 8', 'Learning: 0', 'Due: 0']);

    await studyTab.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(studyTab, '3');
    // Told by the channel, not by a reload or a timer: the count changes while the tab stays open.
    await deckTab.getByText('Learning: 1', { exact: true }).waitFor();
    expect(await countTexts(deckTab)).toEqual(['New: 7', 'Learning: 1', 'Due: 0']);
  });

  it('hands the card on screen over when another tab answers it, and counts each answer once', async () => {
    const { context, page: first } = await openPage();
    const second = await context.newPage();
    for (const tab of [first, second]) {
      await tab.goto(`${baseUrl}${deckPath}/study`);
      await tab.getByRole('button', { name: 'Show answer' }).click();
    }
    const card = (tab: Page) => tab.getByRole('article', { name: 'Card' }).textContent();
    const handedOver = (tab: Page) =>
      tab.getByRole('status').filter({ hasText: 'This card was answered in another tab.' });
    const firstCard = await card(first);
    expect(firstCard?.startsWith(termQuestion(0))).toBe(true);
    expect(await card(second)).toBe(firstCard);

    await first.keyboard.press('3');
    await waitForSessionProgress(first, '2 of 4');
    await handedOver(second).waitFor();
    await second.getByRole('button', { name: 'Show answer' }).waitFor();
    // The other tab's answer is not this session's: nothing studied here, one card fewer to go.
    await waitForSessionProgress(second, '1 of 3');
    const secondCard = await card(second);
    expect(secondCard).toBe(termQuestion(1));
    expect(await card(first)).toBe(secondCard);
    await expect(second.getByRole('button', { name: /^Undo/ }).count()).resolves.toBe(0);

    await rateWithKeys(second, '3');
    await expect(handedOver(second).count()).resolves.toBe(0);
    await handedOver(first).waitFor();
    await waitForSessionProgress(first, '2 of 3');
    await waitForSessionProgress(second, '2 of 3');
    expect(await card(first)).toBe(await card(second));

    await first.goto(`${baseUrl}/stats`);
    await first.getByText('Total reviews: 2').waitFor();
    await dueForecastChart(first, 2).waitFor();
  });

  it('runs on memory with a banner when IndexedDB cannot be opened', async () => {
    const { context, page } = await openPage();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      };
    });
    await page.goto(`${baseUrl}${deckPath}/study`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Progress will not be saved',
    );
    await rateWithKeys(page, '3');
    await expect(progressText(page)).resolves.toBe('2 of 4');
    await page.getByRole('link', { name: 'Python asynchronous frameworks' }).click();
    expect(await countTexts(page)).toEqual(['New: 7', 'Learning: 1', 'Due: 0']);
  });

  it('reports a failed write, keeps the card on screen, and saves it on retry', async () => {
    const { context, page } = await openPage();
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if ((window as { failWrites?: boolean }).failWrites) {
          throw new DOMException('The disk is full.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      } as typeof put;
    });
    await page.goto(`${baseUrl}${deckPath}/study`);
    // A new profile shows its first card while the database is still being created: the first
    // review, which waits for it, is saved before writes start failing.
    await rateWithKeys(page, '3');
    await waitForSessionProgress(page, '2 of 4');
    await page.evaluate(() => {
      (window as { failWrites?: boolean }).failWrites = true;
    });
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /not saved.*disk is full/i,
    );
    await expect(progressText(page)).resolves.toBe('2 of 4');
    await page.getByRole('button', { name: /^Good/ }).waitFor();

    await page.evaluate(() => {
      (window as { failWrites?: boolean }).failWrites = false;
    });
    await page.keyboard.press('3');
    await waitForSessionProgress(page, '3 of 4');
    expect((await storedProgress(page, 2)).total).toBe('Total reviews: 2');
  });

  it('has no axe violations with the question and with the answer shown', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openPage({ colorScheme });
      await page.goto(`${baseUrl}${deckPath}/study`);
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^Again/ }).waitFor();
      await expectNoAxeViolations(page);
    }
  });
});
