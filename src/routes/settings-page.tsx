import { type FormEvent, useEffect, useState } from 'react';
import { desiredRetentionRange, quizLengthRange, type Settings } from '../domain/progress';
import { type PersistenceGrant, useProgress } from '../stores/progress-store';
import { useDocumentTitle } from '../ui/use-document-title';

const persistenceText: Record<PersistenceGrant, string> = {
  granted: 'Persistent: the browser will not clear your progress to free space.',
  denied:
    'Not persistent: the browser may clear your progress when space runs low. Export backups now and then.',
  unknown:
    'Not yet persistent: Recallmap asks the browser to keep your progress at your first review.',
  unsupported: 'This browser cannot promise to keep stored data.',
};

function SettingsPage() {
  useDocumentTitle('Settings');
  const ready = useProgress((state) => state.ready);
  const persistent = useProgress((state) => state.persistent);
  const grant = useProgress((state) => state.persistenceGrant);
  return (
    <div className="page narrow">
      <h1>Settings</h1>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        {ready && (
          <p>
            {persistent
              ? persistenceText[grant]
              : 'Progress is kept in memory only in this browser and will not be saved.'}
          </p>
        )}
      </section>
      {ready && <SchedulerSettingsForm />}
    </div>
  );
}

function SchedulerSettingsForm() {
  const saved = useProgress((state) => state.settings);
  const saveSettings = useProgress((state) => state.saveSettings);
  const [draft, setDraft] = useState<Settings>(saved);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  useEffect(() => setDraft(saved), [saved]);

  const update = (field: keyof Settings) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.valueAsNumber;
    setDraft((current) => ({ ...current, [field]: Number.isNaN(value) ? current[field] : value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
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
      <form className="settings-form" onSubmit={submit}>
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
        <label>
          New cards per deck per day
          <input
            type="number"
            min={0}
            max={9999}
            value={draft.newPerDay}
            onChange={update('newPerDay')}
          />
        </label>
        <label>
          Reviews per deck per day
          <input
            type="number"
            min={0}
            max={99999}
            value={draft.reviewsPerDay}
            onChange={update('reviewsPerDay')}
          />
        </label>
        <label>
          A new day starts at (hour, local time)
          <input
            type="number"
            min={0}
            max={23}
            value={draft.dayStartHour}
            onChange={update('dayStartHour')}
          />
        </label>
        <label>
          Questions per quiz
          <input
            type="number"
            min={quizLengthRange.min}
            max={quizLengthRange.max}
            value={draft.quizLength}
            onChange={update('quizLength')}
          />
        </label>
        <button type="submit" className="button primary">
          Save settings
        </button>
        <div role="status">{message?.kind === 'status' ? message.text : ''}</div>
        {message?.kind === 'alert' && <p role="alert">{message.text}</p>}
      </form>
    </section>
  );
}

export const settingsRoute = { Component: SettingsPage };
