const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `recallmap-backup-YYYY-MM-DD.json`, the learner's local date of the export. */
export function backupFileName(exportedAtMillis: number): string {
  const date = new Date(exportedAtMillis);
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `recallmap-backup-${day}.json`;
}
