/// <reference path="../../src/virtual-modules.d.ts" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '../../src/routes/app-layout';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { createTestAppStore } from '../support/test-app-store';

beforeEach(() => {
  // The layout starts each page at its top; jsdom has no scrolling to do it with.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

/** The layout at `path`, once stored progress has loaded, as the app starts it. */
async function openAt(path: string) {
  const store = createTestAppStore();
  await store.getState().init();
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter initialEntries={[path]}>
        <AppLayout>
          <p>Page content</p>
        </AppLayout>
      </MemoryRouter>
    </AppStoreContext.Provider>,
  );
  return within(screen.getByRole('navigation', { name: 'Main' }));
}

/** The names of the header's links that say they are the current page. */
function currentLinks() {
  return screen
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'page')
    .map((link) => link.textContent);
}

describe('the header', () => {
  it.each([
    ['/', 'Decks'],
    ['/decks/python-asynchronous-frameworks', 'Decks'],
    ['/decks/python-asynchronous-frameworks/study', 'Decks'],
    ['/decks/python-asynchronous-frameworks/quiz', 'Decks'],
    ['/study', 'Decks'],
    ['/browse', 'Browse'],
    ['/stats', 'Statistics'],
    ['/settings', 'Settings'],
  ])('on %s, marks %s as the current section', async (path, section) => {
    const nav = await openAt(path);
    expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    expect(currentLinks()).toEqual([section]);
  });

  it('marks no section on a page outside them', async () => {
    await openAt('/no/such/page');
    expect(currentLinks()).toEqual([]);
  });

  it('moves the mark with the learner from a deck to the statistics', async () => {
    const user = userEvent.setup();
    const nav = await openAt('/decks/python-asynchronous-frameworks');
    await user.click(nav.getByRole('link', { name: 'Statistics' }));
    expect(currentLinks()).toEqual(['Statistics']);
    await user.click(nav.getByRole('link', { name: 'Decks' }));
    expect(currentLinks()).toEqual(['Decks']);
  });
});
