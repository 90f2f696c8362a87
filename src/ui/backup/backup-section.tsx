import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { type Backup, backupSizeProblem, parseBackup } from '../../backup/backup-file';
import {
  DeckRestoreError,
  exportBackup,
  importBackup,
  previewImport,
} from '../../backup/backup-transfer';
import { describePreview } from '../../backup/describe-preview';
import { useAppStore, useAppStoreApi } from '../common/app-store';
import { downloadTextFile } from '../common/download-text-file';
import { FilePicker } from '../common/file-picker';
import { plural } from '../common/plural';
import { appBackupPorts } from './app-backup-ports';

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

/** Export of a backup file, and import of one after a preview of what it would add. */
export function BackupSection() {
  const store = useAppStoreApi();
  const recordBackupExport = useAppStore((state) => state.recordBackupExport);
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
      const { fileName, text } = await exportBackup(appBackupPorts(store), nowMillis);
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
      const preview = await previewImport(appBackupPorts(store), parsed.value);
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
      const outcome = await importBackup(appBackupPorts(store), backup);
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
          <FilePicker
            label="Import backup"
            accept=".json,application/json"
            onChange={chooseFile}
            disabled={step.kind !== 'idle'}
          />
        </div>
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
