import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deckId } from '../../../src/domain/ids';
import type { AppStore } from '../../../src/stores/app-store';
import { DeckImportPanel } from '../../../src/ui/deck-import/deck-import-panel';
import { AppStoreContext } from '../../../src/ui/shared/app-store';
import { createTestAppStore } from '../../support/test-app-store';

const topicFile = (name: string) =>
  new File([`# ${name}\n\n${name} is explained here.\n`], `${name.toLowerCase()}@${name}.md`);

function renderPanel(store: AppStore) {
  render(
    <AppStoreContext.Provider value={store}>
      <DeckImportPanel />
    </AppStoreContext.Provider>,
  );
}

describe('the deck import panel', () => {
  it('says which decks hold topics of an imported deck, and that their progress is shared', async () => {
    const store = createTestAppStore();
    store.setState({
      importDeckSources: async () => ({
        deckIds: ['copy'],
        warnings: [],
        sharedTopics: {
          copy: [
            { deckId: deckId('async'), title: 'Python async ecosystem', topicCount: 12 },
            { deckId: deckId('notes'), title: 'My notes', topicCount: 1 },
          ],
        },
        restore: async () => {},
      }),
    });
    renderPanel(store);

    await userEvent.upload(screen.getByLabelText('Import deck'), [topicFile('Loop')]);

    const status = await screen.findByText(/^12 topics/);
    expect(status).toHaveTextContent(
      '12 topics of this deck are also in Python async ecosystem: their progress is shared.',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 topic of this deck is also in My notes: its progress is shared.',
    );
  });

  it('says in an alert when imported decks cannot be kept', () => {
    const store = createTestAppStore();
    store.setState({ importsNotKeptReason: 'the deck database could not be opened' });
    renderPanel(store);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Imported decks cannot be kept in this browser (the deck database could not be opened): they last only until this tab closes.',
    );
  });
});
