import type { Locator, Page } from 'playwright-core';

// What a learner reads of their progress, as the pages show it: never storage's own layout.

/**
 * The `New: N`, `Learning: N`, `Due: N` texts of a deck page or a deck's tile, in order. It waits
 * for `Due:`, which only deck counts show: the study page's own counts also begin with `New:`.
 */
export async function countTexts(scope: Page | Locator): Promise<string[]> {
  await scope
    .getByText(/^Due: \d+$/)
    .first()
    .waitFor();
  return scope.getByText(/^(New|Learning|Due): \d+$/).allTextContents();
}

/**
 * The Statistics page's forecast of due cards, row by row of the table beside its chart; the
 * chart's name says how many cards are due in all.
 */
export async function dueForecastRows(page: Page): Promise<string[]> {
  const forecast = page.getByRole('region', { name: 'Due in the next 30 days' });
  await forecast.getByRole('img').waitFor();
  await forecast.getByText('Due cards per day as a table').click();
  return forecast.getByRole('row').allTextContents();
}

/** The forecast chart, found by the total its name gives. */
export function dueForecastChart(page: Page, cards: number): Locator {
  return page
    .getByRole('region', { name: 'Due in the next 30 days' })
    .getByRole('img', { name: new RegExp(`^${cards} cards? due in the next 30 days`) });
}
