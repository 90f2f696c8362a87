import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { quizOptions } from '../support/quiz-page';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

describe('the statistics page', () => {
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
    // Three Easy answers put three cards days ahead: the forecast shows them after today.
    await expect(
      page
        .getByRole('region', { name: 'Due in the next 30 days' })
        .getByRole('img', { name: /^4 cards due in the next 30 days/ })
        .count(),
    ).resolves.toBe(1);
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
