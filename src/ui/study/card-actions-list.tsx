import './card-actions-list.css';
import { useState } from 'react';
import { type CardAction, flagNames } from '../../domain/card-controls';
import { type FlagNumber, flagNumbers } from '../../domain/progress';

/**
 * The actions on the card on screen, as Browse has them; loaded once `More` is first opened.
 * Reset asks first: it takes the card back to new.
 */
export default function CardActionsList({
  flag,
  busy,
  onAct,
}: {
  flag: FlagNumber | undefined;
  busy: boolean;
  onAct: (action: CardAction) => void;
}) {
  const [flagsOpen, setFlagsOpen] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const button = (label: string, action: CardAction, key?: string) => (
    <button
      key={label}
      type="button"
      className="button"
      disabled={busy}
      onClick={() => onAct(action)}
    >
      {label}
      {key && (
        <span className="key" aria-hidden="true">
          {key}
        </span>
      )}
    </button>
  );
  return (
    <div className="card-actions-list">
      {button('Suspend', { kind: 'suspend' }, '@')}
      {button('Bury until tomorrow', { kind: 'bury' }, '-')}
      <button
        type="button"
        className="button"
        aria-expanded={flagsOpen}
        onClick={() => setFlagsOpen(!flagsOpen)}
      >
        Flag
        {flag !== undefined && <span className={`flag-mark flag-${flag}`}>{flagNames[flag]}</span>}
      </button>
      {flagsOpen && (
        <fieldset className="flag-choices">
          <legend className="visually-hidden">Flag colour</legend>
          {flagNumbers.map((number) =>
            button(flagNames[number], { kind: 'flag', flag: number }, `Ctrl+${number}`),
          )}
          {flag !== undefined && button('No flag', { kind: 'flag', flag: 0 })}
        </fieldset>
      )}
      {confirmingReset ? (
        <fieldset className="confirm-reset">
          <legend>Reset this card to new? Its reviews stay in your log.</legend>
          {button('Reset', { kind: 'reset' })}
          <button type="button" className="button" onClick={() => setConfirmingReset(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button type="button" className="button" onClick={() => setConfirmingReset(true)}>
          Reset progress
        </button>
      )}
      {button('Mark as known', { kind: 'known' })}
    </div>
  );
}
