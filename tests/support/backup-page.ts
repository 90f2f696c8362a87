import type { Page } from 'playwright-core';
import type { DeckSource } from '../../src/domain/compile';
import type { ProgressEvent } from '../../src/domain/progress';

/** A backup to choose: a path, or a file made in the test. */
export type FileChoice = string | { name: string; mimeType: string; buffer: Buffer };

/** Chooses a file under `Import backup` and waits for the preview or the refusal. */
export async function chooseBackup(page: Page, baseUrl: string, file: FileChoice) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByLabel('Import backup', { exact: true }).setInputFiles(file);
  const preview = page.getByRole('button', { name: 'Import', exact: true });
  const alert = page.getByRole('alert');
  await Promise.race([preview.waitFor(), alert.waitFor()]);
}

/** Confirms the import on screen; resolves to the status it ends with. */
export async function confirmImport(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: /^Imported \d+ reviews$/ });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** A JSON file made in the test, as `setInputFiles` takes it. */
export const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

/** A version 1 backup, as the first version exported it, of these decks and events. */
export function versionOneBackup(
  decks: readonly DeckSource[],
  events: readonly ProgressEvent[],
  exportedAtMillis = Date.now(),
) {
  return {
    format: 'recallmap-backup',
    version: 1,
    exportedAtMillis,
    appVersion: '0.1.0',
    settings: {
      desiredRetention: 0.9,
      dayStartHour: 4,
      newPerDay: 20,
      reviewsPerDay: 200,
      maxIntervalDays: 36500,
      quizLength: 10,
    },
    decks,
    events,
  };
}
