/// <reference path="../../src/virtual-modules.d.ts" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { summarizeDeck } from '../../src/compiler/summarize-deck';
import { defaultSettings, type Settings } from '../../src/domain/progress';
import DeckPage from '../../src/routes/deck-page';
import StudyPage from '../../src/routes/study-page';
import type { AppStore } from '../../src/stores/app-store';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { compileOne, outlineSource } from '../support/deck-sources';
import { createTestAppStore } from '../support/test-app-store';

// Five topics in two sections: ten study cards, all new.
const deck = compileOne(
  outlineSource('Orchard', {
    Trees: [
      ['Apples', 'Apples grow on trees in cool climates.'],
      ['Pears', 'Pears ripen best off the tree, in a cool room.'],
      ['Plums', 'Plums are stone fruit that flower early in spring.'],
    ],
    Bushes: [
      ['Currants', 'Currants grow in clusters on small bushes.'],
      ['Gooseberries', 'Gooseberries have hairy skins and a sharp taste.'],
    ],
  }),
);

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

async function openDeckPage(
  settings: Settings,
  beforeRender?: (store: AppStore) => Promise<unknown>,
) {
  const store = createTestAppStore({
    bundledDecks: {
      summaries: [summarizeDeck(deck)],
      loaders: { [deck.id]: async () => ({ default: deck }) },
    },
  });
  await store.getState().init();
  await store.getState().saveSettings(settings);
  await beforeRender?.(store);
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter initialEntries={[`/decks/${deck.id}`]}>
        <Routes>
          <Route path="decks/:deckId" element={<DeckPage />} />
          <Route path="decks/:deckId/study" element={<StudyPage />} />
        </Routes>
      </MemoryRouter>
    </AppStoreContext.Provider>,
  );
  return userEvent.setup();
}

/** The text under Study, once progress has loaded, and the link it describes. */
async function studyCount() {
  const text = await screen.findByText(/to study now$/);
  const study = screen.getByRole('link', { name: 'Study' });
  expect(study).toHaveAccessibleDescription(text.textContent ?? '');
  return text.textContent;
}

describe('the deck page', () => {
  it('says how many cards Study shows: one card a topic while siblings wait', async () => {
    const user = await openDeckPage(defaultSettings);
    expect(await studyCount()).toBe('5 cards to study now');
    await user.click(screen.getByRole('link', { name: 'Study' }));
    expect(await screen.findByText(/^\d+ of \d+$/)).toHaveTextContent('1 of 5');
  });

  it('counts within the daily limit of new cards', async () => {
    const user = await openDeckPage({ ...defaultSettings, newPerDay: 3, siblingsWait: false });
    expect(await studyCount()).toBe('3 cards to study now');
    await user.click(screen.getByRole('link', { name: 'Study' }));
    expect(await screen.findByText(/^\d+ of \d+$/)).toHaveTextContent('1 of 3');
  });

  it("counts within the deck's own limit, which overrides the global one", async () => {
    const settings = { ...defaultSettings, siblingsWait: false };
    const user = await openDeckPage({
      ...settings,
      deckOptions: { [deck.id]: { newPerDay: 4 } },
    });
    expect(await studyCount()).toBe('4 cards to study now');
    await user.click(screen.getByRole('link', { name: 'Study' }));
    expect(await screen.findByText(/^\d+ of \d+$/)).toHaveTextContent('1 of 4');
  });

  it('leaves suspended and buried cards out of the count', async () => {
    const [first, second, third] = summarizeDeck(deck).studyCardIds;
    if (!first || !second || !third) throw new Error('the deck has fewer than three study cards');
    const user = await openDeckPage({ ...defaultSettings, siblingsWait: false }, async (store) => {
      await store.getState().applyCardAction({ kind: 'suspend' }, [first, second]);
      await store.getState().applyCardAction({ kind: 'bury' }, [third]);
    });
    expect(await studyCount()).toBe('7 cards to study now');
    await user.click(screen.getByRole('link', { name: 'Study' }));
    expect(await screen.findByText(/^\d+ of \d+$/)).toHaveTextContent('1 of 7');
  });

  it('says so when Study has nothing to show', async () => {
    const user = await openDeckPage({ ...defaultSettings, newPerDay: 0 });
    expect(await studyCount()).toBe('No cards to study now');
    await user.click(screen.getByRole('link', { name: 'Study' }));
    expect(await screen.findByRole('heading', { name: 'No cards due' })).toBeInTheDocument();
  });
});
