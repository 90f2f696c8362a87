import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { countTexts } from '../support/progress-reads';
import { rateWithKeys, waitForSessionProgress } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

/** The study screen's three counts of what is left, as text. */
function leftCounts(page: Page) {
  return page.getByRole('list', { name: 'Cards left' }).getByRole('listitem').allTextContents();
}

async function cardFront(page: Page) {
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  return page.getByRole('article', { name: 'Card' }).textContent();
}

describe('the study screen in the learner’s hands', () => {
  it('resumes a reloaded session at its place, with its tally, counts and undo', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await waitForSessionProgress(page, '1 of 4');
    expect(await leftCounts(page)).toEqual(['New: 4', 'Learning: 0', 'Review: 0']);
    await rateWithKeys(page, '3');
    const secondCard = await cardFront(page);
    await rateWithKeys(page, '1');
    await waitForSessionProgress(page, '3 of 4');
    const thirdCard = await cardFront(page);
    expect(await leftCounts(page)).toEqual(['New: 2', 'Learning: 0', 'Review: 0']);

    await page.reload();
    await waitForSessionProgress(page, '3 of 4');
    expect(await cardFront(page)).toBe(thirdCard);
    expect(await leftCounts(page)).toEqual(['New: 2', 'Learning: 0', 'Review: 0']);

    // Z takes back the review made before the reload: its card is on screen again.
    await page.keyboard.press('z');
    await waitForSessionProgress(page, '2 of 4');
    expect(await cardFront(page)).toBe(secondCard);
    expect(await leftCounts(page)).toEqual(['New: 3', 'Learning: 0', 'Review: 0']);

    // Opening Study afresh from the deck page starts a new session.
    await page.getByRole('link', { name: 'Python asynchronous frameworks' }).click();
    await page.getByRole('link', { name: 'Study', exact: true }).click();
    await waitForSessionProgress(page, '1 of 3');
    expect(errors).toEqual([]);
  });

  it('suspends the card on screen by @: it leaves the queue and the counts', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    const first = await cardFront(page);
    expect(await leftCounts(page)).toEqual(['New: 4', 'Learning: 0', 'Review: 0']);
    await page.keyboard.press('@');
    await page
      .getByRole('status')
      .filter({ hasText: /^Suspended/ })
      .waitFor();
    // Its sibling, no longer held back by a card of its topic in the queue, takes its place.
    await waitForSessionProgress(page, '1 of 4');
    const second = await cardFront(page);
    expect(second).not.toBe(first);
    await page.keyboard.press('@');
    await waitForSessionProgress(page, '1 of 3');
    const third = await cardFront(page);
    expect([first, second]).not.toContain(third);
    expect(await leftCounts(page)).toEqual(['New: 3', 'Learning: 0', 'Review: 0']);

    await page.goto(`${baseUrl}${deckPath}`);
    expect(await countTexts(page)).toEqual(['New: 6', 'Learning: 0', 'Due: 0']);
  });

  it('lists every key in a dialog on ?, and buries from the More menu', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    const first = await cardFront(page);
    await page.keyboard.press('?');
    const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await keys.waitFor();
    const listed = await keys.getByRole('term').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['Space', 'Z', '-', '@', '?']));
    // Keys act on nothing behind the list.
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'hidden' });
    await expect(page.getByRole('button', { name: 'Show answer' }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
    await page.getByRole('status').filter({ hasText: 'Buried until tomorrow.' }).waitFor();
    // Its sibling takes its place in the queue; the buried card is not shown again today.
    expect(await cardFront(page)).not.toBe(first);
    await waitForSessionProgress(page, '1 of 4');
  });

  it('studies new cards beyond the day’s limit once custom study raises it', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('New cards per deck per day').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await waitForSessionProgress(page, '1 of 1');
    await rateWithKeys(page, '4');
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();

    await page.goto(`${baseUrl}${deckPath}`);
    await page.getByRole('button', { name: 'Custom study' }).click();
    const form = page.getByRole('dialog', { name: 'Custom study' });
    await form.getByLabel("Raise today's new-card limit").check();
    await form.getByLabel('New cards to add').fill('2');
    await form.getByRole('button', { name: 'Start' }).click();
    await waitForSessionProgress(page, '1 of 2');
    expect(await leftCounts(page)).toEqual(['New: 2', 'Learning: 0', 'Review: 0']);
  });

  it('practises missed cards without recording the answers', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(page, '1');
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 1').waitFor();

    await page.goto(`${baseUrl}${deckPath}`);
    await page.getByRole('button', { name: 'Custom study' }).click();
    const form = page.getByRole('dialog', { name: 'Custom study' });
    await form.getByLabel('Practise the cards missed lately').check();
    await form.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Practice: answers are not recorded').waitFor();
    await waitForSessionProgress(page, '1 of 1');
    await rateWithKeys(page, '3');
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();

    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 1').waitFor();
  });
});
