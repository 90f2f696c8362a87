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
    if (progress.stage === 'sending') {
      return `Syncing: sent ${progress.done.toLocaleString()} of ${plural(progress.total ?? progress.done, 'event')}…`;
    }
    return `Syncing: received ${plural(progress.done, 'new event')}…`;
  }
  if (status.lastSyncedMillis === undefined) return `Not synced yet; ${waiting}.`;
  return `Synced ${timeFormat.format(status.lastSyncedMillis)}; ${waiting}.`;
}
