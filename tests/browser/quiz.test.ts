import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../src/domain/deck';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { bundledSingleFileDeck } from '../support/deck-sources';
import { quizItemOnScreen, quizOptions } from '../support/quiz-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';

// The bundled deck as the app has it, to know each question's answer.
const frameworks = bundledSingleFileDeck('decks/python-async-frameworks.md');

/** The quiz item on screen: the one whose prompt the group of options shows. */
function questionOnScreen(page: Page): Promise<QuizItem> {
  return quizItemOnScreen(page, frameworks.quiz);
}

function topicTitle(item: QuizItem): string {
  const topic = frameworks.topics.find((candidate) => candidate.id === item.topicId);
  if (!topic) throw new Error(`No topic has the id ${item.topicId}`);
  return topic.title;
}

/** The options as this attempt shows them, by their accessible names. */
async function shownOptions(page: Page): Promise<string[]> {
  const options = quizOptions(page);
  await options.first().waitFor();
  return (await options.evaluateAll((buttons) =>
    buttons.map((button) => button.textContent ?? ''),
  )) as string[];
}

async function masteryPercent(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar', { name: 'Python asynchronous frameworks mastery' });
  await bar.waitFor();
  return Number(await bar.getAttribute('value'));
}

/** The key of the right option of the question on screen, or of a wrong one. */
async function optionKey(page: Page, right: boolean): Promise<string> {
  const shown = await shownOptions(page);
  const item = await questionOnScreen(page);
  const answer = item.options[item.answerIndex] ?? '';
  return String(shown.findIndex((name) => name.includes(answer) === right) + 1);
}

/**
 * Answers every question with the key `pickKey` gives for its number and its count of options,
 * returning each verdict as the status said it.
 */
async function answerAll(
  page: Page,
  pickKey: (question: number, options: number) => string | Promise<string>,
): Promise<string[]> {
  const verdicts: string[] = [];
  for (let question = 0; ; question++) {
    const heading = page.getByRole('heading', { name: /^Score:/ });
    await heading.or(quizOptions(page)).first().waitFor();
    if (await heading.isVisible()) return verdicts;
    const options = await quizOptions(page).count();
    await page.keyboard.press(await pickKey(question, options));
    const status = page.getByRole('status').filter({ hasText: /^(Correct|Incorrect)/ });
    await status.waitFor();
    verdicts.push((await status.textContent()) ?? '');
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await page.keyboard.press('Enter');
  }
}

describe('a quiz', () => {
  it('runs start to end by keyboard, stores every answer, and feeds mastery', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}`);
    expect(await masteryPercent(page)).toBe(0);

    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // The first question answered wrong, the rest right.
    const firstQuestion = await questionOnScreen(page);
    const verdicts = await answerAll(page, (question) => optionKey(page, question !== 0));
    expect(verdicts.map((verdict) => /^(?:Incorrect|Correct)/.exec(verdict)?.[0])).toEqual([
      'Incorrect',
      'Correct',
      'Correct',
      'Correct',
    ]);
    await expect(page.getByRole('heading', { name: /^Score:/ }).textContent()).resolves.toBe(
      'Score: 3 / 4',
    );
    const mistakes = page.getByRole('list', { name: 'Mistakes' }).getByRole('listitem');
    await expect(mistakes.count()).resolves.toBe(1);
    await expect(mistakes.textContent()).resolves.toContain(topicTitle(firstQuestion));
    await page.getByRole('button', { name: 'Retry mistakes' }).click();
    await page.getByRole('progressbar', { name: 'Quiz progress' }).waitFor();
    await expect(page.getByText('Question 1 of 1', { exact: true }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}${deckPath}`);
    await page.reload();
    expect(await masteryPercent(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('marks the right option and says in words of the format what was right', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    const seen = new Set<string>();
    // The deck's first questions in deck order, each answered wrong, until every format was met.
    for (let question = 0; seen.size < 3; question++) {
      const shown = await shownOptions(page);
      const item = await questionOnScreen(page);
      const right = item.options[item.answerIndex] ?? '';
      const wrong = shown.findIndex((name) => !name.includes(right));
      await page.keyboard.press(String(wrong + 1));
      const status = page.getByRole('status').filter({ hasText: /^Incorrect/ });
      await status.waitFor();
      const text = (await status.textContent()) ?? '';
      // A tick marks the right option, a cross the one picked.
      const ticked = quizOptions(page).filter({ hasText: '✓' });
      const crossed = quizOptions(page).filter({ hasText: '✗' });
      await expect(ticked.count()).resolves.toBe(1);
      await expect(crossed.count()).resolves.toBe(1);
      await expect(ticked.textContent()).resolves.toContain(right);
      await expect(crossed.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(crossed.textContent()).resolves.toContain(shown[wrong]);
      const format = item.format ?? 'pick-term';
      seen.add(format);
      if (format === 'pick-term') expect(text).toContain(`the answer is ${right}`);
      if (format === 'pick-description') expect(text).toContain('you picked the description of');
      if (format === 'true-false')
        expect(text).toMatch(/this does describe|this describes .*, not /);
      await expect(status.getByRole('link').count()).resolves.toBe(1);
      await page.keyboard.press('Enter');
      expect(question).toBeLessThan(4);
    }
  });

  it('lists the topics a learner mixed up on the deck page', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // True-false questions are answered right until a question offers titles to mix up.
    for (;;) {
      const shown = await shownOptions(page);
      const item = await questionOnScreen(page);
      if (item.format === 'pick-term') {
        const right = item.options[item.answerIndex] ?? '';
        const wrong = shown.findIndex((name) => !name.includes(right));
        const wrongTitle = item.options.find((option) => shown[wrong]?.includes(option)) ?? '';
        await page.keyboard.press(String(wrong + 1));
        await page
          .getByRole('status')
          .filter({ hasText: /^Incorrect/ })
          .waitFor();
        await page.goto(`${baseUrl}${deckPath}`);
        const confused = page.getByRole('region', { name: 'Often confused' });
        await expect(confused.textContent()).resolves.toContain(wrongTitle);
        await expect(confused.textContent()).resolves.toContain(right);
        await expect(confused.textContent()).resolves.toContain('once');
        return;
      }
      const right = shown.findIndex((name) => name.includes(item.options[item.answerIndex] ?? ''));
      await page.keyboard.press(String(right + 1));
      await page.getByRole('button', { name: 'Next' }).waitFor();
      await page.keyboard.press('Enter');
    }
  });

  it('orders the options afresh for each attempt', async () => {
    const orders = new Set<string>();
    for (let attempt = 0; attempt < 4; attempt++) {
      const { page } = await openPage();
      await page.goto(`${baseUrl}${deckPath}/quiz`);
      // The second question in deck order offers four titles.
      await shownOptions(page);
      await page.keyboard.press('1');
      await page.getByRole('button', { name: 'Next' }).waitFor();
      await page.keyboard.press('Enter');
      await page
        .getByRole('group')
        .getByRole('button', { name: /Tornado/ })
        .waitFor();
      orders.add((await shownOptions(page)).join('|'));
      await page.close();
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('has no axe violations while asking, after an answer, and at the end', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await quizOptions(page).first().waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('2');
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await expectNoAxeViolations(page);
    await answerAll(page, () => '2');
    await expectNoAxeViolations(page);
  });
});
