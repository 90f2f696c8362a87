import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';

const { baseUrl, openPage } = browserHarness();
const frameworksDeck = 'Python asynchronous frameworks';

describe('the Browse page', () => {
  it('searches every card, filters by deck, keeps both across a reload and shows a card', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}/browse`);
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
    await rows.first().waitFor();
    // Decks join the list as they load; the count is whole once none is left to load.
    const everyCard = await page
      .getByRole('status')
      .filter({ hasText: /^[\d,]+ cards$/ })
      .first()
      .textContent();

    await page.getByLabel('Search cards').fill('greenlet');
    await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
    const found = await rows.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((text) => text.startsWith('gevent'))).toBe(true);
    expect(found.every((text) => /gevent/i.test(text))).toBe(true);

    await page.getByLabel('Deck').selectOption({ label: frameworksDeck });
    await page.reload();
    await expect(page.getByLabel('Search cards').inputValue()).resolves.toBe('greenlet');
    // The deck's option joins the filter once its deck has loaded.
    await expect
      .poll(() => page.getByLabel('Deck').inputValue())
      .toBe('python-asynchronous-frameworks');
    await page.getByLabel('Deck').selectOption({ label: 'All decks' });
    await page.getByLabel('Search cards').fill('');
    await page
      .getByRole('status')
      .filter({ hasText: everyCard ?? '' })
      .waitFor();

    await page.getByLabel('Search cards').fill('Tornado');
    await rows
      .filter({ hasText: /^Tornado/ })
      .getByRole('button')
      .click();
    const detail = page.getByRole('article', { name: /Tornado/ });
    await detail.getByRole('heading', { name: 'Back' }).waitFor();
    await detail.getByText('Never reviewed.', { exact: true }).waitFor();
    await detail.getByText(/No recall to predict/).waitFor();
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('suspends a card, lists it as suspended, and finds it by its note', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}/browse?q=aiohttp`);
    const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
    await rows
      .filter({ hasText: /^AIOHTTP/ })
      .getByRole('button')
      .click();
    const detail = page.getByRole('article', { name: /AIOHTTP/ });
    await detail.waitFor();

    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Suspended 1 card' }).waitFor();
    await page.getByRole('button', { name: 'Unsuspend' }).waitFor();
    await detail.getByRole('listitem').filter({ hasText: 'Suspended' }).waitFor();
    await page.getByLabel('Search cards').fill('');
    await page.getByLabel('State').selectOption({ label: 'Suspended' });
    // The list follows the filters a moment after they change.
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringMatching(/^AIOHTTP.*suspended/)]);

    await detail.getByLabel('Note').fill('Ask about the ClientSession lifetime');
    await detail.getByRole('button', { name: 'Save note' }).click();
    await detail.getByRole('status').filter({ hasText: 'Note saved' }).waitFor();
    await page.getByLabel('State').selectOption({ label: 'Any state' });
    await page.getByLabel('Search cards').fill('clientsession LIFETIME');
    await expect
      .poll(async () => {
        const found = await rows.allTextContents();
        return (
          found.length > 0 &&
          found.every((text) => text.includes('Note: Ask about the ClientSession lifetime'))
        );
      })
      .toBe(true);

    // The note and the suspension are stored: a reload keeps both.
    await page.reload();
    await rows
      .filter({ hasText: /^AIOHTTP/ })
      .getByRole('button')
      .click();
    await expect(page.getByLabel('Note').inputValue()).resolves.toBe(
      'Ask about the ClientSession lifetime',
    );
    await page.getByRole('button', { name: 'Unsuspend' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('resets the progress of the selection only once confirmed', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/browse?q=sanic`);
    await page.getByRole('button', { name: /^Select all \d+ matching$/ }).click();
    await page.getByRole('button', { name: 'Mark as known' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Marked \d+ cards as known$/ })
      .waitFor();
    await page.getByLabel('State').selectOption({ label: 'Review' });
    const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
    const known = await rows.count();
    expect(known).toBeGreaterThan(1);

    // The selection keeps the cards still listed: all of them.
    await page
      .getByRole('status')
      .filter({ hasText: `${known} selected` })
      .waitFor();
    await page.getByRole('button', { name: 'Reset progress' }).click();
    const confirm = page.getByRole('dialog', { name: /^Reset the progress of \d+ cards\?$/ });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(rows.count()).resolves.toBe(known);
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await confirm.getByRole('button', { name: 'Reset progress' }).click();
    await page.getByText('No card matches.').waitFor();
    await page.getByLabel('State').selectOption({ label: 'New' });
    await expect.poll(() => rows.count()).toBe(known);
  });

  it("opens filtered to a deck from the deck's page", async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks`);
    await page.getByRole('link', { name: 'Browse cards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    // The deck's option joins the filter once its deck has loaded.
    await expect
      .poll(() => page.getByLabel('Deck').inputValue())
      .toBe('python-asynchronous-frameworks');
    await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
  });

  it('shows a card instead of the list on a phone, with a way back', async () => {
    const { page } = await openPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/browse?q=sanic`);
    const list = page.getByRole('list', { name: 'Cards' });
    await list
      .getByRole('listitem')
      .filter({ hasText: /^Sanic/ })
      .getByRole('button')
      .click();
    await page.getByRole('article', { name: /Sanic/ }).waitFor();
    await expect(list.isVisible()).resolves.toBe(false);
    const scrollsSideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    await expect(scrollsSideways()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await list.waitFor();
    await expect(scrollsSideways()).resolves.toBe(false);
  });
});
