import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { deckId } from '../../../src/domain/ids';
import type { AppStore } from '../../../src/stores/app-store';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { DeckImportPanel } from '../../../src/ui/deck-import/deck-import-panel';
import { createTestAppStore } from '../../support/test-app-store';

const topicFile = (name: string) =>
  new File([`# ${name}\n\n${name} is explained here.\n`], `${name.toLowerCase()}@${name}.md`);

function DeckPageStandIn() {
  return <h1>Deck page of {useParams().deckId}</h1>;
}

function renderPanel(store: AppStore) {
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter>
        <Routes>
          <Route path="/" element={<DeckImportPanel Link={Link} />} />
          <Route path="/decks/:deckId" element={<DeckPageStandIn />} />
        </Routes>
      </MemoryRouter>
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

  it('links the success message to each imported deck by its title', async () => {
    renderPanel(createTestAppStore());
    const deckFile = (title: string, topic: string) =>
      new File(
        [`# ${title}\n\n## Basics\n\n### ${topic}\n\n${topic} is explained here.\n`],
        `${title.toLowerCase().replace(' ', '-')}.md`,
      );

    await userEvent.upload(screen.getByLabelText('Import deck'), [
      deckFile('Loop notes', 'Futures'),
      deckFile('Queue notes', 'Channels'),
    ]);

    const status = screen.getByRole('status');
    await within(status).findByRole('link', { name: 'Loop notes' }, { timeout: 10_000 });
    expect(status).toHaveTextContent('Imported 2 decks: Loop notes, Queue notes.');
    await userEvent.click(within(status).getByRole('link', { name: 'Queue notes' }));
    expect(screen.getByRole('heading', { name: 'Deck page of queue-notes' })).toBeInTheDocument();
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
