import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { dismissedDialogs, xssMarker } from '../support/payload-watch';
import { quizOptions } from '../support/quiz-page';
import { rateWithKeys } from '../support/study-page';

// The browser build bundles tests/fixtures/bundled-untrusted beside the real decks
// (RECALLMAP_EXTRA_DECKS_DIR in package.json's test:browser).
const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/untrusted-content';

/** A page that records every dialog and every console line, to prove no payload ran. */
async function watchedPage() {
  const opened = await openPage();
  const dialogs = dismissedDialogs(opened.page);
  const consoleLines: string[] = [];
  opened.page.on('console', (line) => consoleLines.push(line.text()));
  return { ...opened, dialogs, consoleLines };
}

describe('untrusted deck content', () => {
  it('shows every payload of a bundled deck as text and runs none of them', async () => {
    const { page, dialogs, errors } = await watchedPage();
    await page.goto(`${baseUrl}${deckPath}`);
    await page.getByRole('heading', { level: 1, name: 'Untrusted content' }).waitFor();
    for (const name of [
      'Script tags',
      'Event handlers',
      'Link schemes',
      'SVG payloads',
      'Entity tricks',
    ]) {
      await page.getByRole('button', { name }).click();
    }
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain("<script>window.__xss = 'script'</script>");
    expect(text).toContain(`<img src="x" onerror="window.__xss = 'onerror'">`);
    expect(text).toContain(`<svg onload="window.__xss = 'svg'">`);
    expect(text).toContain('&lt;script&gt;');
    await expect(
      page.locator('main script, main img, main svg:not([aria-hidden]) circle').count(),
    ).resolves.toBe(0);

    const links = await page
      .getByRole('main')
      .getByRole('link', { includeHidden: true })
      .evaluateAll((anchors) =>
        anchors.map((anchor) => ({
          href: anchor.getAttribute('href') ?? '',
          rel: anchor.getAttribute('rel'),
        })),
      );
    expect(links.filter(({ href }) => !/^(https?:\/\/|\/)/.test(href))).toEqual([]);
    for (const { href, rel } of links) {
      if (href.startsWith('http')) expect(rel).toBe('noopener noreferrer');
    }

    await page.goto(`${baseUrl}${deckPath}/study`);
    for (let card = 0; card < 4; card++) await rateWithKeys(page, '3');
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await quizOptions(page).first().waitFor();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Next' }).waitFor();

    expect(await xssMarker(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('serves a Content-Security-Policy that refuses inline script', async () => {
    const { page, consoleLines } = await watchedPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    // Even markup that did reach the DOM could not run an inline script.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "window.__xss = 'injected'";
      document.body.append(script);
    });
    expect(await xssMarker(page)).toBeUndefined();
    expect(consoleLines.some((line) => line.includes('Content Security Policy'))).toBe(true);
  });
});
