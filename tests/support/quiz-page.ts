import type { Locator, Page } from 'playwright-core';

/** The options of the question on screen: buttons in the group its prompt names. */
export function quizOptions(page: Page): Locator {
  return page.getByRole('group').getByRole('button');
}
