import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPageAt } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const day = 24 * 60 * 60 * 1000;

/** A page whose clock reads 10:00 on 15 January 2026 in Berlin, the study day starting at 04:00. */
function openMorning() {
  return openPageAt({ timeZone: 'Europe/Berlin', time: new Date('2026-01-15T10:00:00+01:00') });
}

const card = (page: Page) => page.getByRole('article', { name: 'Card' });
const sessionComplete = (page: Page) => page.getByRole('heading', { name: 'Session complete' });

/** The question of the card on screen, once it shows. */
async function question(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Show answer/ }).waitFor();
  return (await card(page).textContent()) ?? '';
}

/** Rates every card with `key` until the session ends; the questions shown, in order. */
async function studyToTheEnd(page: Page, key: '3' | '4'): Promise<string[]> {
  await page.goto(`${baseUrl}${deckPath}/study`);
  const questions: string[] = [];
  await page
    .getByRole('button', { name: /^Show answer/ })
    .or(page.getByRole('heading', { name: /^(Session complete|No cards due)$/ }))
    .first()
    .waitFor();
  while ((await sessionComplete(page).count()) === 0) {
    questions.push(await question(page));
    await rateWithKeys(page, key);
  }
  return questions;
}

async function topicMastery(page: Page, topicTitle: string): Promise<number> {
  await page.goto(`${baseUrl}${deckPath}`);
  const bar = page.getByRole('progressbar', { name: `${topicTitle} mastery` });
  // A <progress> element's value is what it exposes as aria-valuenow.
  return Number(await bar.getAttribute('value'));
}

describe('a study day', () => {
  it('never shows a topic’s twin the same day; the second kind of card comes the next day', async () => {
    const { page, errors } = await openMorning();
    const today = await studyToTheEnd(page, '3');
    // Four topics: each term card, then each again from its 10-minute step, learned ahead.
    expect(today).toHaveLength(8);
    expect(today.every((text) => text.startsWith('What is this?'))).toBe(true);
    expect(new Set(today).size).toBe(4);

    await page.clock.fastForward(day);
    const tomorrow = await studyToTheEnd(page, '4');
    expect(tomorrow).toHaveLength(4);
    expect(tomorrow.every((text) => text.startsWith('Which term is described?'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows both cards of a topic the same day once siblings no longer wait', async () => {
    const { page } = await openMorning();
    await page.goto(`${baseUrl}/settings`);
    const siblingsWait = page.getByRole('checkbox', { name: 'Siblings wait until the next day' });
    await expect(siblingsWait.isChecked()).resolves.toBe(true);
    await siblingsWait.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();

    const questions = await studyToTheEnd(page, '4');
    expect(questions).toHaveLength(8);
    expect(questions.filter((text) => text.startsWith('Which term is described?'))).toHaveLength(4);
  });

  it('brings a card answered Again back before the session ends', async () => {
    const { page } = await openMorning();
    await page.goto(`${baseUrl}${deckPath}/study`);
    const forgotten = await question(page);
    await rateWithKeys(page, '1');
    const after: string[] = [];
    while ((await sessionComplete(page).count()) === 0) {
      after.push(await question(page));
      await rateWithKeys(page, '4');
    }
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3)).not.toContain(forgotten);
    expect(after[3]).toBe(forgotten);
  });

  it('drops a topic’s mastery below 10% when its card lapses', async () => {
    const { page } = await openMorning();
    await studyToTheEnd(page, '4');
    // Easy sends each card about a week away; twelve days on, all four are due.
    await page.clock.fastForward(12 * day);
    await page.goto(`${baseUrl}${deckPath}/study`);
    const front = await question(page);
    const topicTitle = front.replace(/^What is this\?/, '').trim();
    const before = await topicMastery(page, topicTitle);
    expect(before).toBeGreaterThan(0);

    await page.goto(`${baseUrl}${deckPath}/study`);
    expect(await question(page)).toBe(front);
    await rateWithKeys(page, '1');
    const after = await topicMastery(page, topicTitle);
    expect(after).toBeLessThan(10);
    expect(after).toBeLessThan(before);
  });
});
