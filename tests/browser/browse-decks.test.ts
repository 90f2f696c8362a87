import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';

const { baseUrl, openPage } = browserHarness();
const frameworksDeck = 'Python asynchronous frameworks';

describe('browsing the bundled decks', () => {
  it('lists the decks, opens one and expands a topic to its description and resources', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: frameworksDeck }).click();
    await page.getByRole('heading', { level: 1, name: frameworksDeck }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/decks/python-asynchronous-frameworks');

    const gevent = page.getByRole('button', { name: 'gevent' });
    await expect(gevent.getAttribute('aria-expanded')).resolves.toBe('false');
    await gevent.click();
    await expect(gevent.getAttribute('aria-expanded')).resolves.toBe('true');
    const panel = page.locator(`[id="${await gevent.getAttribute('aria-controls')}"]`);
    await expect(panel.textContent()).resolves.toMatch(/greenlet/i);
    const resources = panel.getByRole('list', { name: 'Resources' });
    await expect(resources.getByRole('link').first().getAttribute('href')).resolves.toBe(
      'http://www.gevent.org/',
    );
    await expect(resources.textContent()).resolves.toContain('Official');
    expect(errors).toEqual([]);
  });

  it('loads a deck from a deep link and says so when a deck or page does not exist', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks`);
    await page.getByRole('button', { name: 'Sanic' }).waitFor();

    await page.goto(`${baseUrl}/decks/no-such-deck`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to your decks' }).click();
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();

    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });

  it('moves keyboard focus through the page in reading order', async () => {
    const { page } = await openPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    const deckLinks = await page
      .getByRole('heading', { level: 2 })
      .getByRole('link')
      .allTextContents();
    expect(deckLinks.length).toBeGreaterThanOrEqual(2);

    const focused: string[] = [];
    for (let step = 0; step < 7 + deckLinks.length; step++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focused).toEqual([
      'Skip to content',
      'Recallmap',
      'Decks',
      'Browse',
      'Statistics',
      'Settings',
      'Study all due',
      ...deckLinks,
    ]);

    // Enter on a focused deck link opens it, and the topics are reachable by Tab and Space.
    await page.getByRole('link', { name: frameworksDeck }).focus();
    await page.keyboard.press('Enter');
    const firstTopic = page.getByRole('button', { name: 'gevent' });
    await firstTopic.focus();
    await page.keyboard.press('Space');
    await expect(firstTopic.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    const afterTopic = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(afterTopic).toBe('http://www.gevent.org/');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on the deck list and an expanded deck (${colorScheme})`, async () => {
      const { page } = await openPage({ colorScheme });
      await page.goto(baseUrl);
      await page.getByRole('link', { name: frameworksDeck }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: frameworksDeck }).click();
      await page.getByRole('button', { name: 'Tornado' }).click();
      await page.getByRole('list', { name: 'Resources' }).last().waitFor();
      await expectNoAxeViolations(page);
    });
  }

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const { page } = await openPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks`);
    await page.getByRole('button', { name: 'AIOHTTP' }).click();
    await page.getByRole('list', { name: 'Resources' }).last().waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });
});
