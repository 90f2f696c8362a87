const dayMillis = 24 * 60 * 60 * 1000;
const backupReminderAfterDays = 30;

export interface BackupReminderInput {
  /** False when progress lives in memory only: a backup is then the only copy that survives. */
  readonly persistent: boolean;
  readonly persistenceGrant: 'unknown' | 'granted' | 'denied' | 'unsupported';
  readonly totalReviews: number;
  readonly lastExportMillis: number | undefined;
  readonly nowMillis: number;
}

/**
 * Whether to suggest exporting a backup: storage the browser may evict, some progress worth
 * keeping (a first-time visitor is never nagged), and no export in the last 30 days.
 */
export function needsBackupReminder(input: BackupReminderInput): boolean {
  const evictable = !input.persistent || input.persistenceGrant !== 'granted';
  if (!evictable || input.totalReviews === 0) return false;
  return (
    input.lastExportMillis === undefined ||
    input.nowMillis - input.lastExportMillis > backupReminderAfterDays * dayMillis
  );
}
