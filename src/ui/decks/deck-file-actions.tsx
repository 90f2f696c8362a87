import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { TopicNote } from '../../domain/card-controls';
import type { Deck } from '../../domain/deck';
import type { TopicId } from '../../domain/ids';
import { ankiText } from '../../export/anki-text';
import './deck-file-actions.css';
import { useAppStore } from '../common/app-store';
import { downloadTextFile } from '../common/download-text-file';

/**
 * `Export for Anki` for every deck; `Remove deck` too for a deck the learner imported. A fragment:
 * the buttons join the row of the page's other deck actions.
 */
export function DeckFileActions({ deck }: { deck: Deck }) {
  const imported = useAppStore((state) =>
    state.summaries.some((summary) => summary.id === deck.id && summary.imported),
  );
  const notes = useAppStore((state) => state.notes);
  return (
    <>
      <button type="button" className="button" onClick={() => downloadAnkiText(deck, notes)}>
        Export for Anki
      </button>
      {imported && <RemoveDeck deck={deck} />}
    </>
  );
}

function downloadAnkiText(deck: Deck, notes: ReadonlyMap<TopicId, TopicNote>) {
  downloadTextFile(`${deck.id}.txt`, ankiText(deck, notes), 'text/plain;charset=utf-8');
}

function RemoveDeck({ deck }: { deck: Deck }) {
  const removeImportedDeck = useAppStore((state) => state.removeImportedDeck);
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const headingId = useId();
  const textId = useId();

  async function remove() {
    setRemoving(true);
    setError(undefined);
    try {
      await removeImportedDeck(deck.id);
      dialog.current?.close();
      await navigate('/');
    } catch (caught) {
      setError(
        `The deck was not removed: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
      setRemoving(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          dialog.current?.showModal();
          // The harmless choice takes focus, so a stray Enter keeps the deck.
          cancel.current?.focus();
        }}
      >
        Remove deck
      </button>
      <dialog
        ref={dialog}
        className="remove-deck-dialog"
        aria-labelledby={headingId}
        aria-describedby={textId}
      >
        <h2 id={headingId}>Remove {deck.title}?</h2>
        <p id={textId}>
          The deck leaves this browser. Its progress stays in your review log, which is never
          erased: import the deck again later and its progress comes back with it.
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button primary" disabled={removing} onClick={remove}>
            Remove, keep progress
          </button>
          <button
            ref={cancel}
            type="button"
            className="button"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
