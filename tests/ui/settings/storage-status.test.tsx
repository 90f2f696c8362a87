import { render, screen } from '@testing-library/react';
import { BrowserRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../../src/domain/ids';
import SettingsPage from '../../../src/routes/settings-page';
import { InMemoryProgressRepository } from '../../../src/storage/in-memory-progress-repository';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { testSchedulerFor } from '../../storage/progress-repository-suite';
import { review } from '../../support/events';
import { createTestAppStore } from '../../support/test-app-store';

const now = Date.parse('2026-05-04T08:00:00Z');
const card = cardId('css/box-model:term');

/** The settings page over `repository`, in a browser that never makes storage persistent. */
async function renderSettingsOver(repository: InMemoryProgressRepository) {
  const asked: string[] = [];
  const store = createTestAppStore({
    openProgressRepository: async () => ({ repository, persistent: true }),
    storagePersistence: {
      persisted: async () => false,
      persist: async () => {
        asked.push('persist');
        return false;
      },
    },
  });
  await store.getState().init();
  render(
    <AppStoreContext.Provider value={store}>
      <BrowserRouter>
        <SettingsPage />
      </BrowserRouter>
    </AppStoreContext.Provider>,
  );
  return { store, asked };
}

describe("the settings page's storage status", () => {
  it('says the browser will be asked, then what it answered to the first review', async () => {
    const { store, asked } = await renderSettingsOver(
      new InMemoryProgressRepository(testSchedulerFor, () => now),
    );
    await screen.findByText(/^Not yet persistent: Recallmap asks the browser/);

    await store.getState().commitReview(review('e1', card, 3, now));
    await screen.findByText(
      /^Not persistent: the browser was asked to keep your progress and declined/,
    );
    expect(asked).toEqual(['persist']);
  });

  it('gives the answer to a review of an earlier visit or another tab, without asking again', async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => now);
    await repository.commitReview(review('e1', card, 3, now));
    const { asked } = await renderSettingsOver(repository);
    await screen.findByText(
      /^Not persistent: the browser was asked to keep your progress and declined/,
    );
    expect(screen.queryByText(/^Not yet persistent/)).toBeNull();
    expect(asked).toEqual([]);
  });
});
