import './card-actions.css';
import { useState } from 'react';
import { type CardAction, flagNames, isSuspended } from '../../domain/card-controls';
import type { CardId } from '../../domain/ids';
import { flagNumbers } from '../../domain/progress';
import { useAppStore } from './app-store';
import { describeAction } from './describe-action';
import { plural } from './plural';

/**
 * The actions on a set of cards (one card, a topic, a deck or a selection): each is one commit of
 * one event per card, and says what it did. Reset asks first: it starts the schedules over.
 */
export function CardActions({
  cardIds,
  onApplied,
}: {
  cardIds: readonly CardId[];
  /** Told after each action lands, e.g. to move on from the card on screen. */
  onApplied?: (action: CardAction) => void;
}) {
  const applyCardAction = useAppStore((state) => state.applyCardAction);
  const controls = useAppStore((state) => state.controls);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean }>();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [choosingFlag, setChoosingFlag] = useState(false);
  const [busy, setBusy] = useState(false);
  const allSuspended = cardIds.length > 0 && cardIds.every((id) => isSuspended(controls, id));
  const flags = new Set(cardIds.map((id) => controls.get(id)?.flag));
  const commonFlag = flags.size === 1 ? [...flags][0] : undefined;

  async function apply(action: CardAction) {
    setBusy(true);
    setConfirmingReset(false);
    setChoosingFlag(false);
    try {
      await applyCardAction(action, cardIds);
      setOutcome({ text: describeAction(action, cardIds.length), failed: false });
      onApplied?.(action);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ text: `Nothing changed: ${reason}`, failed: true });
    } finally {
      setBusy(false);
    }
  }

  const disabled = busy || cardIds.length === 0;
  return (
    <div className="card-actions">
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => apply({ kind: allSuspended ? 'unsuspend' : 'suspend' })}
        >
          {allSuspended ? 'Unsuspend' : 'Suspend'}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => apply({ kind: 'bury' })}
        >
          Bury until tomorrow
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          aria-expanded={choosingFlag}
          onClick={() => setChoosingFlag((open) => !open)}
        >
          Flag{commonFlag ? `: ${flagNames[commonFlag]}` : ''}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => apply({ kind: 'known' })}
        >
          Mark as known
        </button>
        <button
          type="button"
          className="button danger"
          disabled={disabled}
          aria-expanded={confirmingReset}
          onClick={() => setConfirmingReset(true)}
        >
          Reset progress
        </button>
      </div>
      {choosingFlag && (
        <fieldset className="actions flag-choices">
          <legend className="visually-hidden">Flag colour</legend>
          {flagNumbers.map((flag) => (
            <button
              key={flag}
              type="button"
              className={`button flag-${flag}`}
              aria-pressed={commonFlag === flag}
              onClick={() => apply({ kind: 'flag', flag })}
            >
              {flagNames[flag]}
            </button>
          ))}
          <button type="button" className="button" onClick={() => apply({ kind: 'flag', flag: 0 })}>
            No flag
          </button>
        </fieldset>
      )}
      {confirmingReset && (
        <fieldset className="confirm">
          <legend className="visually-hidden">Confirm reset</legend>
          <p>
            Reset {plural(cardIds.length, 'card')} to new? Their schedules start over; past reviews
            stay in your statistics.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              onClick={() => apply({ kind: 'reset' })}
            >
              Reset
            </button>
            <button type="button" className="button" onClick={() => setConfirmingReset(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      <p
        className={outcome?.failed ? 'error' : 'muted'}
        role={outcome?.failed ? 'alert' : 'status'}
      >
        {outcome?.text}
      </p>
    </div>
  );
}
