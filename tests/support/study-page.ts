import type { Locator, Page } from 'playwright-core';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The card's place in the session, the text `N of M` the study page shows. */
export function sessionPlace(page: Page): Locator {
  return page.getByText(/^\d+ of \d+$/);
}

export function waitForSessionProgress(page: Page, text: string) {
  return sessionPlace(page)
    .filter({ hasText: exactly(text) })
    .waitFor();
}

/** Reveals and rates the card on screen with keys alone, then waits for the next one. */
export async function rateWithKeys(page: Page, key: '1' | '2' | '3' | '4') {
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  const before = (await sessionPlace(page).textContent()) ?? '';
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /^Good/ }).waitFor();
  await page.keyboard.press(key);
  await sessionPlace(page)
    .filter({ hasNotText: exactly(before) })
    .or(page.getByRole('heading', { name: 'Session complete' }))
    .first()
    .waitFor();
}
