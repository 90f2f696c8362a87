import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

/** Damage set up from outside the app, as a failing disk or an extension might leave it. */
function overwriteTotals(page: Page, value: unknown) {
  return page.evaluate(
    (totals) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('recallmap-progress');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const transaction = database.transaction('progress', 'readwrite');
          transaction.objectStore('progress').put(totals, ['meta', 'totals']);
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    value,
  );
}

describe('derived records rebuilt from the log', () => {
  it('shows the right total after the stored one was damaged, and Check and repair says what it fixed', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    for (let card = 0; card < 3; card++) await rateWithKeys(page, '4');

    await overwriteTotals(page, { reviewCount: 'many' });
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 3').waitFor();
    // The next review adds to the recounted total, also after a reload.
    await page.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(page, '4');
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 4').waitFor();

    // Well-formed but wrong: only a full check can tell.
    await overwriteTotals(page, { reviewCount: 1 });
    await page.goto(`${baseUrl}/settings`);
    const repair = page.getByRole('button', { name: 'Check and repair' });
    await repair.click();
    const status = page.getByRole('status').filter({ hasText: /^Checked/ });
    await expect(status.textContent()).resolves.toBe(
      'Checked 4 reviews of 4 cards: rebuilt the total (was 1, now 4).',
    );
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByText('Total reviews: 4').waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Check and repair' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Checked 4 reviews of 4 cards: everything was in order.' })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
