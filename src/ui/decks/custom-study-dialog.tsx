import './custom-study.css';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type CustomStudy, customStudyDaysRange } from '../../scheduler/custom-study';
import { customStudySearch } from '../../scheduler/custom-study-search';
import { newLimitRaiseRange } from '../../scheduler/new-limit-raise';
import { raiseNewLimit } from '../../scheduler/raise-new-limit';
import { useAppStore } from '../common/app-store';
import { keepNewLimitRaise, readNewLimitRaise } from '../common/new-limit-raise-storage';

type Choice = 'more-new' | CustomStudy['kind'];

interface Option {
  readonly choice: Choice;
  readonly label: string;
  /** The number it asks for, if any: its label and range. */
  readonly count?: {
    readonly label: string;
    readonly range: { readonly min: number; readonly max: number };
    readonly initial: number;
  };
}

const options: readonly Option[] = [
  {
    choice: 'more-new',
    label: "Raise today's new-card limit",
    count: { label: 'New cards to add', range: newLimitRaiseRange, initial: 10 },
  },
  {
    choice: 'review-ahead',
    label: 'Review ahead',
    count: { label: 'Days ahead', range: customStudyDaysRange, initial: 1 },
  },
  { choice: 'forgotten-today', label: 'Study the cards forgotten today' },
  {
    choice: 'practise-missed',
    label: 'Practise the cards missed lately, without changing their schedule',
    count: { label: 'Days back', range: customStudyDaysRange, initial: 7 },
  },
  {
    choice: 'practise-flagged',
    label: 'Practise the flagged cards, without changing their schedule',
  },
];

function whole(text: string, range: { min: number; max: number }): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max
    ? value
    : undefined;
}

/** `Custom study` on a deck page: a small form in a dialog that starts the study it asks for. */
export function CustomStudyButton({ deckId }: { deckId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const navigate = useNavigate();
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const [choice, setChoice] = useState<Choice>('more-new');
  const [counts, setCounts] = useState<Partial<Record<Choice, string>>>({});
  const [error, setError] = useState<string>();
  const studyPath = `/decks/${encodeURIComponent(deckId)}/study`;

  function start(event: FormEvent) {
    event.preventDefault();
    const option = options.find((candidate) => candidate.choice === choice);
    if (!option) return;
    let count = 0;
    if (option.count) {
      const parsed = whole(counts[choice] ?? String(option.count.initial), option.count.range);
      if (parsed === undefined) {
        const { min, max } = option.count.range;
        setError(`${option.count.label} must be a whole number from ${min} to ${max}.`);
        return;
      }
      count = parsed;
    }
    let search = '';
    if (choice === 'more-new') {
      try {
        keepNewLimitRaise(
          deckId,
          raiseNewLimit(readNewLimitRaise(deckId), count, dayStartHour, Date.now()),
        );
      } catch (caught) {
        setError(`The limit was not raised: ${caught instanceof Error ? caught.message : caught}`);
        return;
      }
    } else {
      search = customStudySearch(
        choice === 'forgotten-today' || choice === 'practise-flagged'
          ? { kind: choice }
          : { kind: choice, days: count },
      );
    }
    dialog.current?.close();
    void navigate(studyPath + search);
  }

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setError(undefined);
          dialog.current?.showModal();
        }}
      >
        Custom study
      </button>
      <dialog ref={dialog} className="custom-study-dialog" aria-labelledby={headingId}>
        <h2 id={headingId}>Custom study</h2>
        <form onSubmit={start} noValidate>
          <fieldset>
            <legend className="visually-hidden">What to study</legend>
            {options.map((option) => (
              <div className="custom-study-option" key={option.choice}>
                <label>
                  <input
                    type="radio"
                    name="custom-study"
                    checked={choice === option.choice}
                    onChange={() => {
                      setChoice(option.choice);
                      setError(undefined);
                    }}
                  />{' '}
                  {option.label}
                </label>
                {option.count && choice === option.choice && (
                  <label>
                    {option.count.label}{' '}
                    <input
                      type="number"
                      inputMode="numeric"
                      min={option.count.range.min}
                      max={option.count.range.max}
                      value={counts[option.choice] ?? String(option.count.initial)}
                      aria-invalid={error !== undefined}
                      onChange={(changed) => {
                        setCounts({ ...counts, [option.choice]: changed.target.value });
                        setError(undefined);
                      }}
                    />
                  </label>
                )}
              </div>
            ))}
          </fieldset>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button primary">
              Start
            </button>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
