import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseBackup, confirmImport, jsonFile, versionOneBackup } from '../support/backup-page';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { compileOne, singleFileSource } from '../support/deck-sources';
import { review } from '../support/events';
import { quizOptions } from '../support/quiz-page';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * A backup of one card learned 20 days ago (two learning steps), then answered Good and, four
 * days ago, Again: two answers in the review phase, one of them retained.
 */
function learnedCardBackup() {
  const source = singleFileSource(
    'learned.md',
    '# Learned\n\n## Basics\n\n### Loop\n\nA loop runs tasks.\n',
  );
  const card = compileOne(source).cards[0];
  if (!card) throw new Error('the learned deck has no card');
  const start = Date.now() - 20 * day;
  return versionOneBackup(
    [source],
    [
      review('learn-1', card.id, 3, start),
      review('learn-2', card.id, 3, start + 10 * minute),
      review('kept', card.id, 3, start + 8 * day),
      review('lapsed', card.id, 1, Date.now() - 4 * day),
    ],
  );
}

const retentionLine = (page: Page) =>
  page.getByRole('region', { name: 'True retention, last 30 days' }).getByRole('paragraph');

describe('the statistics page', () => {
  it('shows true retention of the answers to learned cards, also for a store an earlier version wrote', async () => {
    const { page, errors } = await openPage();
    await chooseBackup(page, baseUrl, jsonFile('learned.json', learnedCardBackup()));
    expect(await confirmImport(page)).toBe('Imported 4 reviews');
    const shown = '50.0%: 1 of 2 reviews of learned cards were not answered Again.';
    await page.goto(`${baseUrl}/stats`);
    await expect.poll(() => retentionLine(page).textContent()).toBe(shown);

    // An earlier version kept no tally in its day records: the page counts them from the log.
    await page.evaluate(async () => {
      const opened = indexedDB.open('recallmap-progress');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        opened.onsuccess = () => resolve(opened.result);
        opened.onerror = () => reject(opened.error);
      });
      const store = db.transaction('progress', 'readwrite').objectStore('progress');
      const range = IDBKeyRange.bound(['day'], ['day', []]);
      const cursor = store.openCursor(range);
      await new Promise<void>((resolve, reject) => {
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (!current) return resolve();
          const { dayKey, reviewCount } = current.value;
          current.update({ dayKey, reviewCount });
          current.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
      db.close();
    });
    await page.reload();
    await expect.poll(() => retentionLine(page).textContent()).toBe(shown);
    expect(errors).toEqual([]);
  });

  it('counts the reviews of a study session and a quiz, also after a reload', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 0').waitFor();
    await page.getByText('No reviews of cards in the review phase yet.').waitFor();

    await page.goto(`${baseUrl}${deckPath}/study`);
    for (let card = 0; card < 3; card++) await rateWithKeys(page, '4');
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await quizOptions(page).first().waitFor();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Next' }).waitFor();

    await page.goto(`${baseUrl}/stats`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    await page.getByText('Total reviews: 4').waitFor();
    const reviewsPerDay = page.getByRole('region', { name: 'Reviews per day' });
    await expect(
      reviewsPerDay.getByRole('img', { name: /^4 reviews on 1 day of the last 365/ }).count(),
    ).resolves.toBe(1);
    // Three Easy answers put three cards days ahead: the forecast shows them after today. It is
    // computed after the page's first render, so it is waited for (one image, or waitFor throws).
    await page
      .getByRole('region', { name: 'Due in the next 30 days' })
      .getByRole('img', { name: /^4 cards due in the next 30 days/ })
      .waitFor();
    await page.getByText('Reviews per month as a table').click();
    const thisMonth = reviewsPerDay.getByRole('table').getByRole('row').last();
    await expect(thisMonth.getByRole('cell').first().textContent()).resolves.toBe('4');
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
      const { page } = await openPage({ colorScheme });
      await page.goto(`${baseUrl}/stats`);
      await page.getByText(/^Total reviews: \d+$/).waitFor();
      await page.getByText('Reviews per month as a table').click();
      await expectNoAxeViolations(page);
    }
  });
});
