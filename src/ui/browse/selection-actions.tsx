import { useId, useRef, useState } from 'react';
import { type CardAction, type CardControls, flagNames } from '../../domain/card-controls';
import type { CardId } from '../../domain/ids';
import { flagNumbers } from '../../domain/progress';
import { useAppStore } from '../common/app-store';
import { describeAction } from '../common/describe-action';
import { plural } from '../common/plural';

/**
 * The actions on the selected cards, one stored commit each however many cards are selected.
 * Reset progress asks first: it cannot be taken back from here.
 */
export function SelectionActions({
  cardIds,
  controls,
}: {
  cardIds: ReadonlySet<CardId>;
  controls: ReadonlyMap<CardId, CardControls>;
}) {
  const applyCardAction = useAppStore((state) => state.applyCardAction);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [busy, setBusy] = useState(false);
  const [flagsOpen, setFlagsOpen] = useState(false);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const selected = [...cardIds];
  const suspendedCount = selected.filter((id) => controls.get(id)?.suspended === true).length;

  async function apply(action: CardAction) {
    setBusy(true);
    setFlagsOpen(false);
    try {
      await applyCardAction(action, selected);
      setMessage({ text: describeAction(action, selected.length), failed: false });
    } catch (error) {
      setMessage({
        text: `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
        failed: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {selected.length > 0 && (
        <fieldset className="browse-actions">
          <legend className="visually-hidden">Actions on the selected cards</legend>
          {suspendedCount < selected.length && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => apply({ kind: 'suspend' })}
            >
              Suspend
            </button>
          )}
          {suspendedCount > 0 && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => apply({ kind: 'unsuspend' })}
            >
              Unsuspend
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => apply({ kind: 'bury' })}
          >
            Bury until tomorrow
          </button>
          <div className="browse-flag">
            <button
              type="button"
              className="button"
              aria-expanded={flagsOpen}
              aria-controls={`${ids}-flags`}
              disabled={busy}
              onClick={() => setFlagsOpen((open) => !open)}
            >
              Flag
            </button>
            {flagsOpen && (
              <div id={`${ids}-flags`} className="browse-flag-choices">
                {flagNumbers.map((flag) => (
                  <button
                    key={flag}
                    type="button"
                    className={`button flag-${flag}`}
                    onClick={() => apply({ kind: 'flag', flag })}
                  >
                    {flagNames[flag]}
                  </button>
                ))}
                <button
                  type="button"
                  className="button"
                  onClick={() => apply({ kind: 'flag', flag: 0 })}
                >
                  No flag
                </button>
              </div>
            )}
          </div>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => confirmRef.current?.showModal()}
          >
            Reset progress
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => apply({ kind: 'known' })}
          >
            Mark as known
          </button>
          <dialog ref={confirmRef} aria-labelledby={`${ids}-confirm`} className="confirm">
            <h2 id={`${ids}-confirm`}>Reset the progress of {plural(selected.length, 'card')}?</h2>
            <p>They start again as new cards. Their past reviews stay in the history.</p>
            <form method="dialog" className="actions">
              <button type="submit" className="button">
                Cancel
              </button>
              <button
                type="submit"
                className="button primary"
                onClick={() => void apply({ kind: 'reset' })}
              >
                Reset progress
              </button>
            </form>
          </dialog>
        </fieldset>
      )}
      <p role="status" className="browse-action-status">
        {message && !message.failed ? message.text : ''}
      </p>
      {message?.failed && (
        <p role="alert" className="error">
          {message.text}
        </p>
      )}
    </>
  );
}
