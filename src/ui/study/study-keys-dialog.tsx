import './study-keys-dialog.css';
import { useEffect, useId, useRef } from 'react';

const studyKeys: readonly (readonly [key: string, action: string])[] = [
  ['Space', 'Show the answer'],
  ['1 2 3 4', 'Rate Again, Hard, Good, Easy'],
  ['Z', 'Undo the last review'],
  ['-', 'Bury the card until tomorrow'],
  ['@', 'Suspend the card'],
  ['Ctrl+1 … Ctrl+4', 'Flag red, orange, green, blue (the same again removes it)'],
  ['?', 'This list of keys'],
  ['Escape', 'Close this list'],
];

/** Every key of the study screen, in a modal dialog; loaded when first opened. */
export default function StudyKeysDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="study-keys-dialog"
      aria-labelledby={headingId}
      onClose={onClose}
    >
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <dl>
        {studyKeys.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
