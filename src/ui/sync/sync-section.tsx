import { type FormEvent, useId, useState, useSyncExternalStore } from 'react';
import { loadSync } from '../../stores/sync-loader';
import { syncStatusStore } from '../../stores/sync-status-store';
import { databaseNameProblem, type SyncTarget, serverUrlProblem } from '../../sync/sync-target';
import { useAppStoreApi } from '../common/app-store';
import { describeSyncStatus } from './describe-sync-status';

interface Problems {
  readonly serverUrl?: string | undefined;
  readonly database?: string | undefined;
  readonly userName?: string | undefined;
  readonly password?: string | undefined;
}

function sameTarget(a: SyncTarget, b: SyncTarget | undefined): boolean {
  return (
    b !== undefined &&
    a.serverUrl === b.serverUrl &&
    a.database === b.database &&
    a.userName === b.userName
  );
}

/**
 * Settings → Sync: where to sync, and how it went. The first Sync now saves the target and the
 * password (sealed, see credential-vault); later ones sync with what is saved.
 */
export function SyncSection() {
  const { target, status } = useSyncExternalStore(
    syncStatusStore.subscribe,
    syncStatusStore.getState,
  );
  const app = useAppStoreApi();
  const [serverUrl, setServerUrl] = useState(target?.serverUrl ?? '');
  const [database, setDatabase] = useState(target?.database ?? 'recallmap');
  const [userName, setUserName] = useState(target?.userName ?? '');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const ids = { serverUrl: useId(), database: useId(), userName: useId(), password: useId() };
  const progress = status.running ? status.progress : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const formTarget = { serverUrl: serverUrl.trim(), database: database.trim(), userName };
    const unchanged = sameTarget(formTarget, target) && password === '';
    const found: Problems = {
      serverUrl: serverUrlProblem(formTarget.serverUrl),
      database: databaseNameProblem(formTarget.database),
      userName: userName === '' ? 'Enter the user name to sign in as.' : undefined,
      password: unchanged || password !== '' ? undefined : 'Enter the password.',
    };
    setProblems(found);
    if (Object.values(found).some((problem) => problem !== undefined)) return;
    const sync = await loadSync(app);
    if (unchanged) await sync.syncNow();
    else {
      setPassword('');
      await sync.configure(formTarget, password);
    }
  }

  const field = (
    name: keyof Problems,
    label: string,
    input: React.InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <>
      <label>
        {label}
        <input
          {...input}
          aria-invalid={problems[name] !== undefined}
          aria-describedby={problems[name] ? ids[name] : undefined}
        />
      </label>
      {problems[name] && (
        <p id={ids[name]} className="field-problem">
          {problems[name]}
        </p>
      )}
    </>
  );

  return (
    <section aria-labelledby="sync-heading" aria-busy={status.running}>
      <h2 id="sync-heading">Sync</h2>
      <p className="hint">
        Keep your progress on every device through your own CouchDB server: each review, undo and
        card action goes up once and comes down on your other devices, and decks you imported and
        these settings go along. Studying never waits for it.
      </p>
      <form className="settings-form sync-form" onSubmit={submit} noValidate>
        {field('serverUrl', 'Server URL', {
          type: 'url',
          value: serverUrl,
          placeholder: 'https://couch.example.org',
          autoComplete: 'url',
          onChange: (event) => setServerUrl(event.currentTarget.value),
        })}
        {field('database', 'Database', {
          value: database,
          autoCapitalize: 'none',
          spellCheck: false,
          onChange: (event) => setDatabase(event.currentTarget.value),
        })}
        {field('userName', 'User name', {
          value: userName,
          autoComplete: 'username',
          autoCapitalize: 'none',
          spellCheck: false,
          onChange: (event) => setUserName(event.currentTarget.value),
        })}
        {field('password', 'Password', {
          type: 'password',
          value: password,
          autoComplete: 'current-password',
          placeholder: target ? 'Saved; type to change it' : '',
          onChange: (event) => setPassword(event.currentTarget.value),
        })}
        <div className="actions">
          <button type="submit" className="button" disabled={status.running}>
            Sync now
          </button>
          {target && (
            <button
              type="button"
              className="button secondary"
              onClick={() => void loadSync(app).then((sync) => sync.stop())}
            >
              Stop syncing
            </button>
          )}
        </div>
      </form>
      <div role="status">{describeSyncStatus(status, target !== undefined)}</div>
      {progress && (
        <progress aria-label="Sync progress" value={progress.done} max={progress.total} />
      )}
      {status.error && (
        <p role="alert" className="error">
          {status.error}
        </p>
      )}
      {status.refused && status.refused.length > 0 && (
        <details>
          <summary>Some documents on the server were left out</summary>
          <ul>
            {status.refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
