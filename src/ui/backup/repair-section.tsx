import { useState } from 'react';
import { useAppStore } from '../common/app-store';
import { describeRepair } from './describe-repair';

/** Rebuilds what the log derives; progress pages show the result at once, from the store. */
export function RepairSection() {
  const checkAndRepair = useAppStore((state) => state.checkAndRepair);
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
      setAlert(
        `Check and repair failed: ${error instanceof Error ? error.message : String(error)}`,
      );
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
