import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
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

function answerIndexOf(prompt: string): number {
  const item = frameworks?.quiz.find((candidate) => candidate.prompt === prompt);
  if (!item) throw new Error(`No quiz item has the prompt ${prompt}`);
  return item.answerIndex;
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

/** Answers every question with the given key, returning each verdict as the status said it. */
async function answerAll(page: Page, pickKey: (question: number) => string): Promise<string[]> {
  const verdicts: string[] = [];
  for (let question = 0; ; question++) {
    const heading = page.getByRole('heading', { name: /^Score:/ });
    const option = page.locator('.option').first();
    await Promise.race([heading.waitFor(), option.waitFor()]);
    if (await heading.isVisible()) return verdicts;
    await page.keyboard.press(pickKey(question));
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
    const verdicts = await answerAll(page, (question) => String((question % 4) + 1));
    expect(verdicts).toHaveLength(4);
    const correct = verdicts.filter((verdict) => verdict.startsWith('Correct')).length;
    await expect(page.getByRole('heading', { name: /^Score:/ }).textContent()).resolves.toBe(
      `Score: ${correct} / 4`,
    );
    const mistakes = page.getByRole('list').filter({ has: page.locator('li strong') });
    if (correct < 4) {
      await expect(mistakes.locator('li').count()).resolves.toBe(4 - correct);
      await page.getByRole('button', { name: 'Retry mistakes' }).click();
      await expect(page.locator('.session-progress span').textContent()).resolves.toBe(
        `Question 1 of ${4 - correct}`,
      );
    }

    await page.goto(`${baseUrl}${deckPath}`);
    await page.reload();
    expect(await masteryPercent(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('marks the right option and explains the topic after a wrong answer', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await page.locator('.option').first().waitFor();
    // On a fresh question at most one of the four options is right: the first is often wrong.
    await page.keyboard.press('1');
    const status = page.getByRole('status').filter({ hasText: /^(Correct|Incorrect)/ });
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    await expect(page.locator('.option.right').count()).resolves.toBe(1);
    if (text.startsWith('Incorrect')) {
      await expect(page.locator('.option.wrong').count()).resolves.toBe(1);
      const rightName = await page.locator('.option.right').evaluate((button) =>
        [...button.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join(''),
      );
      expect(text).toContain(`the answer is ${rightName}`);
    }
    await expect(status.getByRole('link').count()).resolves.toBe(1);
  });

  it('lists the topics a learner mixed up on the deck page', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await page.locator('.option').first().waitFor();
    const prompt = (await page.locator('.prompt').textContent()) ?? '';
    const right = answerIndexOf(prompt);
    const wrong = (right + 1) % 4;
    const options = await page
      .locator('.option')
      .evaluateAll((buttons) =>
        buttons.map(
          (button) => button.getAttribute('aria-label') ?? button.lastChild?.textContent ?? '',
        ),
      );
    await page.keyboard.press(String(wrong + 1));
    await page
      .getByRole('status')
      .filter({ hasText: /^Incorrect/ })
      .waitFor();

    await page.goto(`${baseUrl}${deckPath}`);
    const confused = page.getByRole('region', { name: 'Often confused' });
    await expect(confused.textContent()).resolves.toContain(`${options[wrong]}`);
    await expect(confused.textContent()).resolves.toContain(`${options[right]}`);
    await expect(confused.textContent()).resolves.toContain('once');
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
