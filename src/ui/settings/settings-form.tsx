import { type FormEvent, useEffect, useState } from 'react';
import {
  desiredRetentionRange,
  learnAheadRange,
  leechLapsesRange,
  masteryHorizonRange,
  quizLengthRange,
  type Settings,
} from '../../domain/progress';
import { useAppStore } from '../common/app-store';
import { NumberSetting } from './number-setting';
import { useConfirmLeave } from './use-confirm-leave';

/** The scheduling settings, saved together. */
export function SettingsForm() {
  const saved = useAppStore((state) => state.settings);
  const saveSettings = useAppStore((state) => state.saveSettings);
  const [draft, setDraft] = useState<Settings>(saved);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  useEffect(() => setDraft(saved), [saved]);
  const unsaved = (Object.keys(saved) as (keyof Settings)[]).some(
    (field) => !Object.is(draft[field], saved[field]),
  );
  useConfirmLeave(unsaved, 'Leave without saving your changes to the settings?');

  // A field left empty or holding no number keeps NaN, so that its message shows and Save waits.
  const update = (field: keyof Settings) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.valueAsNumber;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Each field that fails its checks shows its message (its `invalid` event), not a pop-up.
    const form = event.currentTarget;
    if (!form.checkValidity()) {
      form.querySelector<HTMLElement>(':invalid')?.focus();
      setMessage({ kind: 'alert', text: 'Settings were not saved: a value above is not valid.' });
      return;
    }
    try {
      await saveSettings(draft);
      setMessage({ kind: 'status', text: 'Settings saved' });
    } catch (error) {
      setMessage({
        kind: 'alert',
        text: `Settings were not saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  return (
    <section aria-labelledby="scheduling-heading">
      <h2 id="scheduling-heading">Scheduling</h2>
      <form className="settings-form" noValidate onSubmit={submit}>
        <label>
          Desired retention: {Math.round(draft.desiredRetention * 100)}%
          <input
            type="range"
            min={desiredRetentionRange.min}
            max={desiredRetentionRange.max}
            step={0.01}
            value={draft.desiredRetention}
            onChange={update('desiredRetention')}
          />
        </label>
        <p className="hint">
          The chance of remembering a card when it comes due. Higher means more reviews.
        </p>
        <NumberSetting
          label="New cards per deck per day"
          min={0}
          max={9999}
          value={draft.newPerDay}
          onChange={update('newPerDay')}
          hint="Each deck counts its own. A deck's options, on its page, can set another limit or retention."
        />
        <NumberSetting
          label="Reviews per deck per day"
          min={0}
          max={99999}
          value={draft.reviewsPerDay}
          onChange={update('reviewsPerDay')}
        />
        <NumberSetting
          label="A new day starts at (hour, local time)"
          min={0}
          max={23}
          value={draft.dayStartHour}
          onChange={update('dayStartHour')}
        />
        <NumberSetting
          label="Questions per quiz"
          min={quizLengthRange.min}
          max={quizLengthRange.max}
          value={draft.quizLength}
          onChange={update('quizLength')}
        />
        <label className="checkbox-setting">
          <input
            type="checkbox"
            checked={draft.siblingsWait}
            onChange={(event) => {
              const { checked } = event.currentTarget;
              setDraft((current) => ({ ...current, siblingsWait: checked }));
            }}
          />
          Siblings wait until the next day
        </label>
        <p className="hint">
          Once one card of a topic is answered, its other cards come the next day, so that one does
          not give away the other.
        </p>
        <NumberSetting
          label="Learn ahead limit (minutes)"
          min={learnAheadRange.min}
          max={learnAheadRange.max}
          value={draft.learnAheadMinutes}
          onChange={update('learnAheadMinutes')}
          hint="When nothing else is due, learning cards due within this time are shown at once."
        />
        <NumberSetting
          label="Mastery horizon (days)"
          min={masteryHorizonRange.min}
          max={masteryHorizonRange.max}
          value={draft.masteryHorizonDays}
          onChange={update('masteryHorizonDays')}
          hint="A card is fully mastered once it will still be recalled after this long."
        />
        <NumberSetting
          label="Leech after this many lapses"
          min={leechLapsesRange.min}
          max={leechLapsesRange.max}
          value={draft.leechLapses}
          onChange={update('leechLapses')}
          hint="A card forgotten this often is tagged a leech and suspended, and you are told: rewrite its note or reset it."
        />
        <button type="submit" className="button primary">
          Save settings
        </button>
        <div role="status">{message?.kind === 'status' ? message.text : ''}</div>
        {message?.kind === 'alert' && <p role="alert">{message.text}</p>}
      </form>
    </section>
  );
}
