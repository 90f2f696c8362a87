import type { Locator, Page } from 'playwright-core';
import type { QuizItem } from '../../src/domain/deck';

/** The options of the question on screen: buttons in the group its prompt names. */
export function quizOptions(page: Page): Locator {
  return page.getByRole('group').getByRole('button');
}

/** The item among `items` whose prompt the question on screen shows. */
export async function quizItemOnScreen(page: Page, items: readonly QuizItem[]): Promise<QuizItem> {
  await quizOptions(page).first().waitFor();
  for (const item of items) {
    const prompt = page.getByRole('group').getByText(item.prompt, { exact: true });
    if ((await prompt.count()) > 0) return item;
  }
  throw new Error('No quiz item has the prompt on screen');
}
