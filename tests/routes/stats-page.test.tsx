import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/domain/progress';
import StatsPage from '../../src/routes/stats-page';
import { dayKey } from '../../src/scheduler/day-boundary';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import type { OpenedProgressRepository } from '../../src/storage/open-progress-repository';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { createTestAppStore } from '../support/test-app-store';

const day = 86_400_000;
const now = Date.now();
const { dayStartHour } = defaultSettings;

describe('the statistics page', () => {
  it('shows true retention from the tallies start-up read, and reads them again once the store has moved on', async () => {
    let openStorage: (opened: OpenedProgressRepository) => void = () => {};
    const store = createTestAppStore({
      openProgressRepository: (listeners) => {
        listeners?.onDayTallies?.({
          dayStartHour,
          changeStamp: 'read at start',
          tallies: new Map([
            [dayKey(now, dayStartHour), { answers: 3, retained: 2 }],
            [dayKey(now - 2 * day, dayStartHour), { answers: 1, retained: 1 }],
            // Outside the 30-day window: not counted.
            [dayKey(now - 40 * day, dayStartHour), { answers: 5, retained: 0 }],
          ]),
        });
        return new Promise((resolve) => {
          openStorage = resolve;
        });
      },
    });
    void store.getState().init();
    render(
      <AppStoreContext.Provider value={store}>
        <MemoryRouter>
          <StatsPage />
        </MemoryRouter>
      </AppStoreContext.Provider>,
    );

    expect(
      await screen.findByText('75.0%: 3 of 4 reviews of learned cards were not answered Again.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Loading your progress…')).toBeInTheDocument();

    // The states load at another stamp (as after another tab's commit): the figure is read again.
    openStorage({ repository: new InMemoryProgressRepository(testSchedulerFor), persistent: true });
    expect(
      await screen.findByText('No reviews of cards in the review phase yet.'),
    ).toBeInTheDocument();
  });
});
