import type { Page } from 'playwright-core';

/** Reveals and rates the card on screen with keys alone, then waits for the next one. */
export async function rateWithKeys(page: Page, key: '1' | '2' | '3' | '4') {
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  const before = await page.locator('.session-progress span').textContent();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /^Good/ }).waitFor();
  await page.keyboard.press(key);
  await page.waitForFunction((previous) => {
    const progress = document.querySelector('.session-progress span')?.textContent;
    return progress !== previous || document.body.textContent?.includes('Session complete');
  }, before);
}
