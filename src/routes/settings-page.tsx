import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { type Backup, backupSizeProblem, parseBackup } from '../backup/backup-file';
import { deckIdsOfSources } from '../backup/backup-preview';
import {
  type BackupPorts,
  DeckRestoreError,
  exportBackup,
  importBackup,
  previewImport,
} from '../backup/backup-transfer';
import { describePreview } from '../backup/describe-preview';
import { summarizeDeck } from '../compiler/summarize-deck';
import type { DeckSource } from '../domain/compile';
import type { DeckSummary } from '../domain/deck-summary';
import {
  desiredRetentionRange,
  learnAheadRange,
  masteryHorizonRange,
  quizLengthRange,
  type Settings,
} from '../domain/progress';
import { compileDeckSources } from '../stores/compile-deck-sources';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { type PersistenceGrant, useProgress } from '../stores/progress-store';
import { describeRepair } from '../ui/backup/describe-repair';
import { downloadTextFile } from '../ui/shared/download-text-file';
import { plural } from '../ui/shared/plural';
import { useDocumentTitle } from '../ui/shared/use-document-title';

const persistenceText: Record<PersistenceGrant, string> = {
  granted: 'Persistent: the browser will not clear your progress to free space.',
  denied:
    'Not persistent: the browser may clear your progress when space runs low. Export backups now and then.',
  unknown:
    'Not yet persistent: Recallmap asks the browser to keep your progress at your first review.',
  unsupported: 'This browser cannot promise to keep stored data.',
};

export default function SettingsPage() {
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
      {ready && <BackupSection />}
      {ready && <RepairSection />}
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
        <NumberSetting
          label="New cards per deck per day"
          min={0}
          max={9999}
          value={draft.newPerDay}
          onChange={update('newPerDay')}
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
        />
        <p className="hint">
          When nothing else is due, learning cards due within this time are shown at once.
        </p>
        <NumberSetting
          label="Mastery horizon (days)"
          min={masteryHorizonRange.min}
          max={masteryHorizonRange.max}
          value={draft.masteryHorizonDays}
          onChange={update('masteryHorizonDays')}
        />
        <p className="hint">
          A card is fully mastered once it will still be recalled after this long.
        </p>
        <button type="submit" className="button primary">
          Save settings
        </button>
        <div role="status">{message?.kind === 'status' ? message.text : ''}</div>
        {message?.kind === 'alert' && <p role="alert">{message.text}</p>}
      </form>
    </section>
  );
}

/** Export and import go through the two stores; `src/backup` itself depends on neither. */
function appBackupPorts(): BackupPorts {
  const progress = useProgress.getState();
  const catalog = useDeckCatalog.getState();
  // A preview asks for the backup's deck ids and card ids: its sources compile once for both.
  const compiled = new Map<readonly DeckSource[], ReturnType<typeof compileDeckSources>>();
  const compile = (sources: readonly DeckSource[]) => {
    // Compiled as importDeckSources will: bundled ids reserved, so the ids come out the same.
    const bundled = useDeckCatalog
      .getState()
      .summaries.filter((summary) => !summary.imported)
      .map((summary) => summary.id);
    const result = compiled.get(sources) ?? compileDeckSources(sources, bundled);
    compiled.set(sources, result);
    return result;
  };
  return {
    currentSettings: () => useProgress.getState().settings,
    allEvents: () => progress.allEvents(),
    importedSources: () => catalog.importedSources(),
    async importedDeckIds() {
      await catalog.importedSources(); // waits until the catalog holds the stored imports
      const { summaries } = useDeckCatalog.getState();
      return new Set(summaries.filter((summary) => summary.imported).map((summary) => summary.id));
    },
    async compiledDeckIds(sources) {
      const { decks } = await compile(sources);
      return deckIdsOfSources(decks, sources);
    },
    async deckCardIds(sources) {
      const [summaries, { decks }] = await Promise.all([catalog.loadSummaries(), compile(sources)]);
      const cardIdsOf = (summary: DeckSummary) => summary.topicCardIds.flat();
      return new Set([
        ...summaries.flatMap(cardIdsOf),
        ...decks.flatMap((deck) => cardIdsOf(summarizeDeck(deck))),
      ]);
    },
    importDeckSources: (sources) => catalog.importDeckSources(sources),
    importProgress: (settings, events) => progress.importProgress(settings, events),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type ImportStep =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | {
      readonly kind: 'confirm';
      readonly fileName: string;
      readonly backup: Backup;
      readonly lines: readonly string[];
    };

function BackupSection() {
  const recordBackupExport = useProgress((state) => state.recordBackupExport);
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [alert, setAlert] = useState('');
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step.kind === 'confirm') previewHeading.current?.focus();
  }, [step]);

  function report(outcome: { status?: string; alert?: string }) {
    setStatus(outcome.status ?? '');
    setAlert(outcome.alert ?? '');
    setNote('');
  }

  async function exportNow() {
    report({});
    try {
      const nowMillis = Date.now();
      const { fileName, text } = await exportBackup(appBackupPorts(), nowMillis);
      downloadTextFile(fileName, text, 'application/json');
      recordBackupExport(nowMillis);
      report({ status: `Backup saved as ${fileName}` });
    } catch (error) {
      report({ alert: `The backup was not exported: ${messageOf(error)}` });
    }
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after a fix) fires a change.
    input.value = '';
    if (!file) return;
    report({});
    setStep({ kind: 'busy' });
    const refuse = (problem: string) => {
      setStep({ kind: 'idle' });
      report({ alert: `${file.name} was not imported: ${problem}. Nothing was changed.` });
    };
    try {
      // The size first: reading a huge file as text would stall the tab.
      const tooLarge = backupSizeProblem(file.size);
      if (tooLarge) return refuse(tooLarge);
      const parsed = parseBackup(await file.text(), file.size, Date.now());
      if (!parsed.ok) return refuse(parsed.reason);
      const preview = await previewImport(appBackupPorts(), parsed.value);
      setStep({
        kind: 'confirm',
        fileName: file.name,
        backup: parsed.value,
        lines: describePreview(preview),
      });
    } catch (error) {
      refuse(messageOf(error));
    }
  }

  async function confirmImport(fileName: string, backup: Backup) {
    setStep({ kind: 'busy' });
    try {
      const outcome = await importBackup(appBackupPorts(), backup);
      // Exactly the contract's words, also for 1: tests and screen-reader users match on them.
      report({ status: `Imported ${outcome.addedReviews} reviews` });
      if (outcome.deckIds.length > 0) {
        const warnings = outcome.deckWarnings.length;
        setNote(
          `${plural(outcome.deckIds.length, 'deck')} imported or updated${warnings > 0 ? ` (${plural(warnings, 'compiler warning')})` : ''}.`,
        );
      }
    } catch (error) {
      // Only a failed restore leaves anything changed; the message then says what.
      const outcome = error instanceof DeckRestoreError ? '' : ' Nothing was changed.';
      report({ alert: `Importing ${fileName} failed: ${messageOf(error)}.${outcome}` });
    } finally {
      setStep({ kind: 'idle' });
    }
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="hint">
        A backup file holds your reviews, settings and imported decks. Importing one adds what it
        holds to this browser&apos;s progress; nothing is deleted.
      </p>
      <div className="settings-form">
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={exportNow}
            disabled={step.kind === 'busy'}
          >
            Export backup
          </button>
        </div>
        <label>
          Import backup
          <input
            type="file"
            accept=".json,application/json"
            onChange={chooseFile}
            disabled={step.kind !== 'idle'}
          />
        </label>
      </div>
      {step.kind === 'confirm' && (
        <div className="backup-preview">
          <h3 ref={previewHeading} tabIndex={-1}>
            Import {step.fileName}?
          </h3>
          <p>
            Exported {new Date(step.backup.exportedAtMillis).toLocaleString()} by Recallmap{' '}
            {step.backup.appVersion}.
          </p>
          <ul>
            {step.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => confirmImport(step.fileName, step.backup)}
            >
              Import
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setStep({ kind: 'idle' });
                report({ status: 'Import cancelled: nothing was changed' });
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status">{status}</div>
      {note && <p>{note}</p>}
      {alert && (
        <p role="alert" className="error">
          {alert}
        </p>
      )}
    </section>
  );
}

/** Rebuilds what the log derives; progress pages show the result at once, from the store. */
function RepairSection() {
  const checkAndRepair = useProgress((state) => state.checkAndRepair);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');

  async function run() {
    setBusy(true);
    setStatus('Checking every review…');
    setAlert('');
    try {
      setStatus(describeRepair(await checkAndRepair()));
    } catch (error) {
      setStatus('');
      setAlert(`Check and repair failed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="repair-heading" aria-busy={busy}>
      <h2 id="repair-heading">Check and repair</h2>
      <p className="hint">
        Card states, daily counts and the total of reviews are worked out from your reviews and kept
        for speed. This works them all out again and fixes any that are wrong.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={run} disabled={busy}>
          Check and repair
        </button>
      </div>
      <div role="status">{status}</div>
      {alert && (
        <p role="alert" className="error">
          {alert}
        </p>
      )}
    </section>
  );
}

function NumberSetting({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (event: { currentTarget: HTMLInputElement }) => void;
}) {
  return (
    <label>
      {label}
      <input type="number" min={min} max={max} value={value} onChange={onChange} />
    </label>
  );
}
