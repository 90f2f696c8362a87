// The time of the last export lives in localStorage, not in the progress database: it must
// survive a database that failed to open, and reading it must not wait for IndexedDB.
const lastExportKey = 'recallmap-last-backup-export';

/** Undefined when there was no export, or storage cannot be read (private modes may throw). */
export function readLastExportMillis(): number | undefined {
  try {
    const value = Number(globalThis.localStorage?.getItem(lastExportKey) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a reminder shown once too often is better than a failed export. */
export function writeLastExportMillis(millis: number): void {
  try {
    globalThis.localStorage?.setItem(lastExportKey, String(millis));
  } catch {
    // Storage refused (quota, private mode): the reminder may come back, nothing else suffers.
  }
}
