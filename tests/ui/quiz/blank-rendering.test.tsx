/// <reference path="../../../src/virtual-modules.d.ts" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../../src/compiler/compile-decks';
import { summarizeDeck } from '../../../src/compiler/summarize-deck';
import type { Deck } from '../../../src/domain/deck';
import { defaultSettings } from '../../../src/domain/progress';
import QuizPage from '../../../src/routes/quiz-page';
import StudyPage from '../../../src/routes/study-page';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { createTestAppStore } from '../../support/test-app-store';

// Topics written as roadmap.sh writes them: the term in inline code, inside a call, in emphasis.
function compileShellDeck(): Deck {
  const content = `# Shell

## Files

### Head Command

The \`head\` command prints the first ten lines of a file, or as many as \`-n\` asks for.

### Tail Command

The \`tail\` command prints the last lines of a file and can follow it as it grows with \`-f\`.

### asyncio

Start the loop with \`asyncio.run()\`: *asyncio* then schedules every coroutine on one thread.
`;
  const deck = compileDecks([
    { path: 'shell.md', layout: 'single-file', files: [{ path: 'shell.md', content }] },
  ]).decks[0];
  if (!deck) throw new Error('the shell deck compiled to nothing');
  return deck;
}

const deck = compileShellDeck();

async function openAt(path: string) {
  const store = createTestAppStore({
    bundledDecks: {
      summaries: [summarizeDeck(deck)],
      loaders: { [deck.id]: async () => ({ default: deck }) },
    },
  });
  await store.getState().init();
  await store.getState().saveSettings({ ...defaultSettings, siblingsWait: false });
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="decks/:deckId" element={<h1>A deck page</h1>} />
          <Route path="decks/:deckId/study" element={<StudyPage />} />
          <Route path="decks/:deckId/quiz" element={<QuizPage />} />
        </Routes>
      </MemoryRouter>
    </AppStoreContext.Provider>,
  );
  return userEvent.setup();
}

/** The text a sighted reader sees around the blanks: no markdown marks, no stray underscores. */
function textBesideBlanks(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const blank of copy.querySelectorAll('[aria-label="blank"]')) blank.remove();
  return copy.textContent ?? '';
}

function expectOneElementEach(blanks: readonly HTMLElement[]) {
  for (const blank of blanks) {
    expect(blank.children).toHaveLength(0);
    expect(blank).toHaveTextContent(/^_____$/);
  }
}

describe('a blank', () => {
  it('shows on a recall card as one element named "blank", never as underscores', async () => {
    const user = await openAt(`/decks/${deck.id}/study`);
    await user.click(await screen.findByRole('button', { name: /^Show answer/ }));
    await user.click(await screen.findByRole('button', { name: /^Good/ }));
    const card = await screen.findByRole('article', { name: 'Card' });
    await within(card).findByText(/prints the first ten lines/);
    const blanks = within(card).getAllByRole('img', { name: 'blank' });
    expect(blanks).toHaveLength(1);
    expectOneElementEach(blanks);
    expect(textBesideBlanks(card)).not.toMatch(/`|_/);
  });

  it('shows in a quiz prompt as one element named "blank", with no raw backticks', async () => {
    await openAt(`/decks/${deck.id}/quiz`);
    const question = await screen.findByRole('group');
    const prompt = question.querySelector('legend');
    if (!prompt) throw new Error('the question has no legend');
    const blanks = within(prompt).getAllByRole('img', { name: 'blank' });
    expect(blanks.length).toBeGreaterThan(0);
    expectOneElementEach(blanks);
    expect(textBesideBlanks(prompt)).not.toMatch(/`|_/);
  });
});
