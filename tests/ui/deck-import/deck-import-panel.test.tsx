import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deckId } from '../../../src/domain/ids';
import { useDeckCatalog } from '../../../src/stores/deck-catalog-store';
import { DeckImportPanel } from '../../../src/ui/deck-import/deck-import-panel';

const topicFile = (name: string) =>
  new File([`# ${name}\n\n${name} is explained here.\n`], `${name.toLowerCase()}@${name}.md`);

describe('the deck import panel', () => {
  it('says which decks hold topics of an imported deck, and that their progress is shared', async () => {
    useDeckCatalog.setState({
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
    render(<DeckImportPanel />);

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
    useDeckCatalog.setState({ importsNotKeptReason: 'the deck database could not be opened' });
    render(<DeckImportPanel />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Imported decks cannot be kept in this browser (the deck database could not be opened): they last only until this tab closes.',
    );
  });
});
