import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPageAt } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const deckTitle = 'Python asynchronous frameworks';

/** A page in Berlin whose clock reads 22:00 on 15 January 2026, the study day starting at 04:00. */
function openLateEvening() {
  return openPageAt({ timeZone: 'Europe/Berlin', time: new Date('2026-01-15T22:00:00+01:00') });
}

async function studyCards(page: Page, count: number, key: '3' | '4') {
  await page.goto(`${baseUrl}${deckPath}/study`);
  for (let card = 0; card < count; card++) await rateWithKeys(page, key);
}

function deckTileCount(page: Page, name: 'New' | 'Learning' | 'Due') {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: deckTitle }) })
    .getByText(new RegExp(`^${name}: \\d+$`));
}

describe('when the clock moves on', () => {
  it('offers the next day’s new cards on an open “No cards due” once the day starts', async () => {
    const { page, errors } = await openLateEvening();
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('New cards per deck per day').fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    await studyCards(page, 2, '4');
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();

    await page.goto(`${baseUrl}${deckPath}/study`);
    await page.getByRole('heading', { name: 'No cards due' }).waitFor();
    await page.clock.fastForward('05:50:00');
    await expect(page.getByRole('heading', { name: 'No cards due' }).count()).resolves.toBe(1);

    await page.clock.fastForward('20:00');
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await expect(page.getByText('1 of 2').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('counts learning cards due on the deck page at their minute', async () => {
    const { page } = await openLateEvening();
    await studyCards(page, 2, '3');
    await page.goto(`${baseUrl}${deckPath}`);
    await page.getByText('Learning: 2').waitFor();
    await page.getByText('Due: 0').waitFor();

    await page.clock.runFor('09:00');
    await expect(page.getByText('Due: 0').count()).resolves.toBe(1);
    await page.clock.runFor('01:00');
    await page.getByText('Due: 2').waitFor();
    await expect(page.getByText('New: 6').count()).resolves.toBe(1);
  });

  it('counts review cards due on the home page once their day starts', async () => {
    const { page } = await openLateEvening();
    await studyCards(page, 2, '4');
    await page.goto(`${baseUrl}/`);
    await deckTileCount(page, 'New').filter({ hasText: 'New: 6' }).waitFor();
    await expect(deckTileCount(page, 'Due').textContent()).resolves.toBe('Due: 0');

    // Easy sends a new card about a week away; three weeks on, both are due.
    await page.clock.fastForward(21 * 24 * 60 * 60 * 1000);
    await deckTileCount(page, 'Due').filter({ hasText: 'Due: 2' }).waitFor();
  });
});
