const dayMillis = 24 * 60 * 60 * 1000;
const backupReminderAfterDays = 30;
/** A week of study, or as many reviews as a keen first day or two: then a loss would hurt. */
const worthKeepingReviewDays = 7;
const worthKeepingReviews = 100;

export interface BackupReminderInput {
  /** False when progress lives in memory only: a backup is then the only copy that survives. */
  readonly persistent: boolean;
  readonly persistenceGrant: 'unknown' | 'granted' | 'denied' | 'unsupported';
  readonly totalReviews: number;
  /** Study days with at least one review. */
  readonly reviewDays: number;
  readonly lastExportMillis: number | undefined;
  readonly nowMillis: number;
}

/**
 * Whether to suggest exporting a backup: storage the browser may evict, progress worth keeping
 * (reviews on 7 days, or 100 reviews: a learner trying the app out is not nagged), and no export
 * in the last 30 days.
 */
export function needsBackupReminder(input: BackupReminderInput): boolean {
  const evictable = !input.persistent || input.persistenceGrant !== 'granted';
  const worthKeeping =
    input.reviewDays >= worthKeepingReviewDays || input.totalReviews >= worthKeepingReviews;
  if (!evictable || !worthKeeping) return false;
  return (
    input.lastExportMillis === undefined ||
    input.nowMillis - input.lastExportMillis > backupReminderAfterDays * dayMillis
  );
}
