import type { Page } from 'playwright-core';

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
