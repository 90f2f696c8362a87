import { describe, expect, it } from 'vitest';
import { browserHarness } from '../support/browser';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-async-ecosystem';

describe('the async ecosystem deck, as a new learner meets it', () => {
  it('teaches coroutines first, with the gist of the answer and the rest behind More', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/study`);
    const card = page.getByRole('article', { name: 'Card' });
    await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    await expect(card.textContent()).resolves.toMatch(
      /^What is this\?\s*Coroutines and async\/await$/,
    );

    await page.keyboard.press('Space');
    const answer = card.getByRole('region', { name: 'Answer' });
    await answer
      .getByText(/are the language features that concurrent Python code is built on/)
      .waitFor();
    await expect(answer.getByText(/shipped with Python 3\.5/).count()).resolves.toBe(0);

    const more = answer.getByRole('button', { name: 'More' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    await answer.getByText(/shipped with Python 3\.5/).waitFor();
    expect(errors).toEqual([]);
  });

  it('asks its first quiz question about coroutines', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    // Whatever its format, answering shows the asked topic's description: coroutines' own.
    await page.getByRole('group').waitFor();
    await page.keyboard.press('1');
    await page
      .getByText(/PEP 492, shipped with Python 3\.5/)
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
