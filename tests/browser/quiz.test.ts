import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
import type { QuizItem } from '../../src/domain/deck';
import { expectNoAxeViolations, launchChromium, openPage } from './chromium';

const baseUrl = inject('baseUrl');
const deckPath = '/decks/python-asynchronous-frameworks';
let browser: Browser;

// The bundled deck as the app has it, to know each question's answer.
const deckFile = 'decks/python-async-frameworks.md';
const [frameworks] = compileDecks([
  {
    path: deckFile,
    layout: 'single-file',
    files: [{ path: deckFile, content: readFileSync(deckFile, 'utf8') }],
  },
]).decks;

function itemOf(prompt: string): QuizItem {
  const item = frameworks?.quiz.find((candidate) => candidate.prompt === prompt);
  if (!item) throw new Error(`No quiz item has the prompt ${prompt}`);
  return item;
}

/** The options as this attempt shows them, by their accessible names. */
async function shownOptions(page: Page): Promise<string[]> {
  const options = page.getByRole('group').getByRole('button');
  await options.first().waitFor();
  return (await options.evaluateAll((buttons) =>
    buttons.map((button) => button.textContent ?? ''),
  )) as string[];
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function masteryPercent(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar', { name: 'Python asynchronous frameworks mastery' });
  await bar.waitFor();
  return Number(await bar.getAttribute('value'));
}

/** The key of the right option of the question on screen, or of a wrong one. */
async function optionKey(page: Page, right: boolean): Promise<string> {
  const shown = await shownOptions(page);
  const item = itemOf((await page.locator('.prompt').textContent()) ?? '');
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
    const option = page.locator('.option').first();
    await Promise.race([heading.waitFor(), option.waitFor()]);
    if (await heading.isVisible()) return verdicts;
    const options = await page.getByRole('group').getByRole('button').count();
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
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}`);
    expect(await masteryPercent(page)).toBe(0);

    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // The first question answered wrong, the rest right.
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
    const mistakes = page.getByRole('list').filter({ has: page.locator('li strong') });
    await expect(mistakes.locator('li').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Retry mistakes' }).click();
    await page.getByRole('progressbar', { name: 'Quiz progress' }).waitFor();
    await expect(page.getByText('Question 1 of 1', { exact: true }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}${deckPath}`);
    await page.reload();
    expect(await masteryPercent(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('marks the right option and says in words of the format what was right', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    const seen = new Set<string>();
    // The deck's first questions in deck order, each answered wrong, until every format was met.
    for (let question = 0; seen.size < 3; question++) {
      const shown = await shownOptions(page);
      const item = itemOf((await page.locator('.prompt').textContent()) ?? '');
      const right = item.options[item.answerIndex] ?? '';
      const wrong = shown.findIndex((name) => !name.includes(right));
      await page.keyboard.press(String(wrong + 1));
      const status = page.getByRole('status').filter({ hasText: /^Incorrect/ });
      await status.waitFor();
      const text = (await status.textContent()) ?? '';
      await expect(page.locator('.option.right').count()).resolves.toBe(1);
      await expect(page.locator('.option.wrong').count()).resolves.toBe(1);
      await expect(page.locator('.option.right').textContent()).resolves.toContain(right);
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
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // True-false questions are answered right until a question offers titles to mix up.
    for (;;) {
      const shown = await shownOptions(page);
      const item = itemOf((await page.locator('.prompt').textContent()) ?? '');
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
      const { page } = await openPage(browser);
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
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await page.locator('.option').first().waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('2');
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await expectNoAxeViolations(page);
    await answerAll(page, () => '2');
    await expectNoAxeViolations(page);
  });
});
