import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import StudyPage from '../../src/routes/study-page';
import type { DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import type { AppStoreDependencies } from '../../src/stores/app-store';
import { AppStoreContext } from '../../src/ui/common/app-store';
import { createTestAppStore } from './test-app-store';

/**
 * "Study all due" rendered over these bundled decks before stored progress has opened (memory
 * here), as on a slow start: its queue is then built after the page's first render. Start-up
 * hands over `keptDeckCounts` at once, where given; progress opens when `finishOpening` is called.
 */
export function renderStudyBeforeProgress(
  bundledDecks: AppStoreDependencies['bundledDecks'],
  keptDeckCounts?: DeckCountsRecord,
) {
  let finishOpening: () => void = () => {};
  const opening = new Promise<void>((resolve) => {
    finishOpening = resolve;
  });
  const store = createTestAppStore({
    bundledDecks,
    openProgressRepository: async (listeners) => {
      if (keptDeckCounts) listeners?.onDeckCounts?.(keptDeckCounts);
      await opening;
      return openProgressRepository();
    },
  });
  void store.getState().init();
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter initialEntries={['/study']}>
        <Routes>
          <Route path="study" element={<StudyPage />} />
        </Routes>
      </MemoryRouter>
    </AppStoreContext.Provider>,
  );
  return { finishOpening };
}
