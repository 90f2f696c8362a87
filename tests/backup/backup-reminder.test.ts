import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/backup/backup-file-name';
import { type BackupReminderInput, needsBackupReminder } from '../../src/backup/backup-reminder';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 5, 15, 12);
const evictable: BackupReminderInput = {
  persistent: true,
  persistenceGrant: 'denied',
  totalReviews: 40,
  reviewDays: 7,
  lastExportMillis: undefined,
  nowMillis: now,
};

describe('needsBackupReminder', () => {
  it('reminds when storage may be evicted and there was never an export', () => {
    expect(needsBackupReminder(evictable)).toBe(true);
    expect(needsBackupReminder({ ...evictable, persistenceGrant: 'unknown' })).toBe(true);
    expect(needsBackupReminder({ ...evictable, persistent: false })).toBe(true);
  });

  it('reminds again 30 days after the last export, not before', () => {
    expect(needsBackupReminder({ ...evictable, lastExportMillis: now - 29 * day })).toBe(false);
    expect(needsBackupReminder({ ...evictable, lastExportMillis: now - 31 * day })).toBe(true);
  });

  it('stays quiet for persistent storage and for a learner without reviews', () => {
    expect(needsBackupReminder({ ...evictable, persistenceGrant: 'granted' })).toBe(false);
    expect(needsBackupReminder({ ...evictable, totalReviews: 0, reviewDays: 0 })).toBe(false);
  });

  it('waits for reviews on 7 days or for 100 reviews', () => {
    expect(needsBackupReminder({ ...evictable, reviewDays: 6, totalReviews: 99 })).toBe(false);
    expect(needsBackupReminder({ ...evictable, reviewDays: 7, totalReviews: 7 })).toBe(true);
    expect(needsBackupReminder({ ...evictable, reviewDays: 1, totalReviews: 100 })).toBe(true);
  });
});

describe('backupFileName', () => {
  it('names the file by the local date of the export', () => {
    const localNoon = new Date(2026, 0, 5, 12).getTime();
    expect(backupFileName(localNoon)).toBe('recallmap-backup-2026-01-05.json');
  });
});
