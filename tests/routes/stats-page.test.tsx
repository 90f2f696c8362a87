import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/domain/progress';
import StatsPage from '../../src/routes/stats-page';
import { studyDayStartsAfter } from '../../src/scheduler/count-deck-record';
import { dayKey } from '../../src/scheduler/day-boundary';
import { keepDueForecast } from '../../src/scheduler/kept-due-forecast';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import type { OpenedProgressRepository } from '../../src/storage/open-progress-repository';
import type { StartupListeners } from '../../src/storage/startup-read';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { cardState } from '../scheduler/card-states';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { createTestAppStore } from '../support/test-app-store';

const day = 86_400_000;
const now = Date.now();
const { dayStartHour } = defaultSettings;

/** Renders the page over a store whose storage opens when the returned function is called. */
function renderOverPendingStorage(handOver: (listeners: StartupListeners) => void) {
  let openStorage: (opened: OpenedProgressRepository) => void = () => {};
  const store = createTestAppStore({
    openProgressRepository: (listeners) => {
      if (listeners) handOver(listeners);
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
  return () =>
    openStorage({ repository: new InMemoryProgressRepository(testSchedulerFor), persistent: true });
}

describe('the statistics page', () => {
  it('shows true retention from the tallies start-up read, and reads them again once the store has moved on', async () => {
    const openStorage = renderOverPendingStorage((listeners) =>
      listeners.onDayTallies?.({
        dayStartHour,
        changeStamp: 'read at start',
        tallies: new Map([
          [dayKey(now, dayStartHour), { answers: 3, retained: 2 }],
          [dayKey(now - 2 * day, dayStartHour), { answers: 1, retained: 1 }],
          // Outside the 30-day window: not counted.
          [dayKey(now - 40 * day, dayStartHour), { answers: 5, retained: 0 }],
        ]),
      }),
    );

    expect(
      await screen.findByText('75.0%: 3 of 4 reviews of learned cards were not answered Again.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Loading your progress…')).toBeInTheDocument();

    // The states load at another stamp (as after another tab's commit): the figure is read again.
    openStorage();
    expect(
      await screen.findByText('No reviews of cards in the review phase yet.'),
    ).toBeInTheDocument();
  });

  it('draws the review figures and the kept forecast before the card states load, then the forecast of the states', async () => {
    const countedAt = now - 60_000;
    const dayStartsMillis = studyDayStartsAfter(countedAt, dayStartHour);
    const states = [
      cardState('css/overdue:term', 'review', now - 3 * day),
      cardState('css/later:term', 'review', now + 3 * day),
      cardState('css/unseen:term', 'new', now),
    ];
    const openStorage = renderOverPendingStorage((listeners) => {
      listeners.onDayCounts?.({
        dayStartHour,
        reviewsByDay: new Map([
          [dayKey(now, dayStartHour), 4],
          [dayKey(now - 2 * day, dayStartHour), 3],
        ]),
        totalReviews: 7,
      });
      listeners.onDeckCounts?.({
        changeStamp: 'read at start',
        countedAtMillis: countedAt,
        dayStartsMillis,
        validUntilMillis: Number.POSITIVE_INFINITY,
        decks: [],
        dueForecast: keepDueForecast(states, dayStartsMillis),
      });
    });

    expect(await screen.findByText('Total reviews: 7')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^7 reviews on 2 days of the last \d+/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: '2 cards due in the next 30 days, 1 of them today.' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Loading your progress…')).toBeInTheDocument();

    // The states load at another stamp: the kept forecast no longer applies, theirs is drawn.
    openStorage();
    expect(
      await screen.findByRole('img', { name: '0 cards due in the next 30 days, 0 of them today.' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Total reviews: 0')).toBeInTheDocument();
    expect(screen.queryByText('Loading your progress…')).not.toBeInTheDocument();
  });
});
