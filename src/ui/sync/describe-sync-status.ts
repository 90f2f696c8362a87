import type { SyncStatus } from '../../stores/sync-status-store';
import { plural } from '../common/plural';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The status line of Settings → Sync. */
export function describeSyncStatus(status: SyncStatus, configured: boolean): string {
  if (!configured) return 'Not set up: nothing leaves this browser until you sync.';
  const waiting =
    status.waiting === 0
      ? 'nothing waiting to go up'
      : `${plural(status.waiting, 'event')} waiting to go up`;
  if (status.running) {
    const progress = status.progress;
    if (!progress) return 'Syncing…';
    const of = `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
    return progress.stage === 'sending'
      ? `Syncing: sent ${of} events…`
      : `Syncing: read ${of} documents from the server…`;
  }
  if (status.lastSyncedMillis === undefined) return `Not synced yet; ${waiting}.`;
  return `Synced ${timeFormat.format(status.lastSyncedMillis)}; ${waiting}.`;
}
