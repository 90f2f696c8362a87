import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import HomePage from '../../src/routes/home-page';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import type { OpenedProgressRepository } from '../../src/storage/open-progress-repository';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { cardState, stateMap } from '../scheduler/card-states';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { cssCards, cssDeckSummary } from '../support/css-deck-summary';
import { keptDeckCounts } from '../support/kept-deck-counts';
import { createTestAppStore } from '../support/test-app-store';

const minute = 60_000;
const now = Date.now();
const { term, recall } = cssCards;
const deck = cssDeckSummary;

describe('the home page', () => {
  it('shows the counts kept at the last start while the states load, then the loaded ones', async () => {
    // Kept: a review card due an hour ago, a learning card due in a while, one card never seen.
    const kept = keptDeckCounts(
      [deck],
      stateMap([
        cardState(term, 'review', now - 60 * minute),
        cardState(recall, 'learning', now + 10 * minute),
      ]),
      now - minute,
    );
    let openStorage: (opened: OpenedProgressRepository) => void = () => {};
    const store = createTestAppStore({
      openProgressRepository: (listeners) => {
        listeners?.onDeckCounts?.(kept);
        return new Promise((resolve) => {
          openStorage = resolve;
        });
      },
      bundledDecks: { summaries: [deck], loaders: {} },
    });
    void store.getState().init();
    render(
      <AppStoreContext.Provider value={store}>
        <MemoryRouter>
          <HomePage />
        </MemoryRouter>
      </AppStoreContext.Provider>,
    );

    const tile = (await screen.findByRole('heading', { name: 'CSS' })).closest('li') as HTMLElement;
    expect(await within(tile).findByText('New: 1')).toBeInTheDocument();
    expect(within(tile).getByText('Learning: 1')).toBeInTheDocument();
    expect(within(tile).getByText('Due: 1')).toBeInTheDocument();
    // Mastery needs the states themselves: a bar without a value until they load.
    expect(within(tile).getByRole('progressbar', { name: 'CSS mastery' })).not.toHaveAttribute(
      'value',
    );

    // This browser's storage holds nothing: once it has loaded, every card is new.
    openStorage({
      repository: new InMemoryProgressRepository(testSchedulerFor),
      persistent: true,
    });
    expect(await within(tile).findByText('New: 3')).toBeInTheDocument();
    expect(within(tile).getByText('Due: 0')).toBeInTheDocument();
    expect(within(tile).getByRole('progressbar', { name: 'CSS mastery' })).toHaveAttribute(
      'value',
      '0',
    );
  });
});
