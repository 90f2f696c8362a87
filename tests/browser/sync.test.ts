import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouchServer } from '../../scripts/sync/couch-server';
import { defaultSettings } from '../../src/domain/progress';
import { openCouchRemote } from '../../src/sync/couch-remote';
import { deckDocument } from '../../src/sync/sync-documents';
import { browserHarness } from '../support/browser';
import { dismissedDialogs, xssMarker } from '../support/payload-watch';
import { countTexts } from '../support/progress-reads';
import { rateWithKeys } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const user = { name: 'learner', password: 'correct horse battery' };
let server: CouchServer;
let databases = 0;

beforeAll(async () => {
  server = await startCouchServer({ users: { [user.name]: user.password } });
});
afterAll(() => server.stop());

/** Settings → Sync filled in as a learner would, then Sync now. */
async function setUpSync(page: Page, database: string, password = user.password) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Database').fill(database);
  await page.getByLabel('User name').fill(user.name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sync now' }).click();
}

/** The sync status once a sync has finished, or once one matching `text` has. */
function syncedStatus(page: Page, text = /^Synced/) {
  return page.getByRole('status').filter({ hasText: text });
}

async function syncNow(page: Page) {
  await page.goto(`${baseUrl}/settings`);
  await syncedStatus(page).waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await syncedStatus(page, /^Synced .*; nothing waiting/).waitFor();
}

async function totalReviews(page: Page): Promise<string | null> {
  await page.goto(`${baseUrl}/stats`);
  return page.getByText(/^Total reviews: \d+$/).textContent();
}

/** The deck page's New, Learning and Due counts. */
async function deckCounts(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl}${deckPath}`);
  return countTexts(page);
}

/** Two devices, each with sync set up on a new database and synced once. */
async function twoSyncedDevices() {
  const database = `devices-${++databases}`;
  const laptop = await openPage();
  const phone = await openPage();
  await setUpSync(laptop.page, database);
  await syncedStatus(laptop.page).waitFor();
  await setUpSync(phone.page, database);
  await syncedStatus(phone.page).waitFor();
  return { database, laptop, phone };
}

/** Browse's rows of cards. */
const cardRows = (page: Page) => page.getByRole('list', { name: 'Cards' }).getByRole('listitem');

async function study(page: Page, cards: number) {
  await page.goto(`${baseUrl}${deckPath}/study`);
  for (let card = 0; card < cards; card++) await rateWithKeys(page, '3');
}

/** A backup holding `count` reviews over 5,000 cards and the last 200 days, as a file to choose. */
function largeBackup(count: number) {
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const events = Array.from({ length: count }, (_, n) => ({
    kind: 'review',
    id: `bulk-${n}`,
    cardId: `bulk/topic-${n % 5000}:card`,
    rating: n % 9 === 0 ? 1 : 3,
    reviewedAtMillis: now - 200 * day + Math.floor(n / 5000) * 10 * day + (n % 5000) * 1000,
    durationMillis: 3000,
    source: 'study',
  }));
  const backup = {
    format: 'recallmap-backup',
    version: 2,
    exportedAtMillis: now,
    appVersion: '0.1.0',
    settings: defaultSettings,
    decks: [],
    events,
  };
  return {
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  };
}

describe('sync between two devices', () => {
  it('brings reviews made apart, offline included, to both devices, each once', async () => {
    const database = `devices-${++databases}`;
    const laptop = await openPage();
    const phone = await openPage();
    // Both study before sync is set up: the first sync sends what each holds.
    await study(laptop.page, 2);
    await study(phone.page, 1);
    await setUpSync(laptop.page, database);
    await syncedStatus(laptop.page).waitFor();
    await setUpSync(phone.page, database);
    await syncedStatus(phone.page).waitFor();

    // The laptop goes offline, studies, and syncs by itself once it is back online.
    await laptop.context.setOffline(true);
    await study(laptop.page, 1);
    await laptop.context.setOffline(false);
    await laptop.page.goto(`${baseUrl}/settings`);
    await syncedStatus(laptop.page, /^Synced .*; nothing waiting/).waitFor();

    await syncNow(phone.page);
    await syncNow(laptop.page);
    expect(await totalReviews(laptop.page)).toBe('Total reviews: 4');
    expect(await totalReviews(phone.page)).toBe('Total reviews: 4');
    expect(await deckCounts(phone.page)).toEqual(await deckCounts(laptop.page));
    expect(await server.documentCount(database)).toBe(4);
    expect([...laptop.errors, ...phone.errors]).toEqual([]);
  });

  it('carries a card suspended on one device to the other', async () => {
    const { database, laptop, phone } = await twoSyncedDevices();
    const [, newBefore] = (await deckCounts(phone.page))[0]?.match(/^New: (\d+)$/) ?? [];

    await laptop.page.goto(`${baseUrl}/browse?q=aiohttp`);
    await cardRows(laptop.page)
      .filter({ hasText: /^AIOHTTP/ })
      .getByRole('button')
      .click();
    await laptop.page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await laptop.page.getByRole('status').filter({ hasText: 'Suspended 1 card' }).waitFor();
    await syncNow(laptop.page);
    await syncNow(phone.page);

    await phone.page.goto(`${baseUrl}/browse?q=aiohttp`);
    await phone.page.getByLabel('State').selectOption({ label: 'Suspended' });
    await expect
      .poll(() => cardRows(phone.page).allTextContents())
      .toEqual([expect.stringMatching(/^AIOHTTP.*suspended/)]);
    const counts = await deckCounts(phone.page);
    expect(counts[0]).toBe(`New: ${Number(newBefore) - 1}`);
    expect(counts).toEqual(await deckCounts(laptop.page));
    expect(await server.documentCount(database)).toBe(1);
    expect([...laptop.errors, ...phone.errors]).toEqual([]);
  });

  it('cancels on the other device a review undone on one', async () => {
    const { database, laptop, phone } = await twoSyncedDevices();
    await study(laptop.page, 2);
    await syncNow(laptop.page);
    await syncNow(phone.page);
    expect(await totalReviews(phone.page)).toBe('Total reviews: 2');

    await laptop.page.goto(`${baseUrl}${deckPath}/study`);
    await rateWithKeys(laptop.page, '3');
    await laptop.page.keyboard.press('z');
    await laptop.page.getByRole('button', { name: /^Undo/ }).waitFor({ state: 'detached' });
    await syncNow(laptop.page);
    await syncNow(phone.page);
    expect(await totalReviews(phone.page)).toBe('Total reviews: 2');
    expect(await server.documentCount(database)).toBe(4);
  });

  it('says a wrong password and an unreachable server plainly, and loses no review', async () => {
    const database = `devices-${++databases}`;
    const { page } = await openPage();
    await study(page, 1);
    await setUpSync(page, database, 'not the password');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'The server refused the user name or password.',
    );
    expect(await totalReviews(page)).toBe('Total reviews: 1');

    const gone = await startCouchServer({ users: { [user.name]: user.password } });
    await gone.stop();
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Server URL').fill(gone.url);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^The server could not be reached/ })
      .waitFor();
    expect(await totalReviews(page)).toBe('Total reviews: 1');
  });

  it('shows a hostile deck that arrives by sync as text, running none of it', async () => {
    const database = `devices-${++databases}`;
    const remote = openCouchRemote(
      { serverUrl: server.url, database, userName: user.name },
      user.password,
    );
    const content = readFileSync(
      'tests/fixtures/bundled-untrusted/untrusted-content.md',
      'utf8',
    ).replace('# Untrusted content', '# Synced hostile deck');
    await remote.open();
    await remote.write(
      deckDocument(
        'synced-hostile-deck',
        { path: 'hostile.md', layout: 'single-file', files: [{ path: 'hostile.md', content }] },
        Date.UTC(2026, 0, 1),
      ),
    );
    const { page, errors } = await openPage();
    const dialogs = dismissedDialogs(page);
    await setUpSync(page, database);
    await syncedStatus(page).waitFor();
    await page.goto(`${baseUrl}/decks/synced-hostile-deck`);
    await page.getByRole('button', { name: 'Script tags' }).click();
    await page
      .getByText(/marker-script/)
      .first()
      .waitFor();
    expect(await xssMarker(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the progress of a first sync of 100,000 events, and finishes it', async () => {
    const database = `devices-${++databases}`;
    const { page, errors } = await openPage();
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Import backup', { exact: true }).setInputFiles(largeBackup(100_000));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported 100,?000 reviews$/ })
      .waitFor({ timeout: 120_000 });

    await setUpSync(page, database);
    const progress = page.getByRole('progressbar', { name: 'Sync progress' });
    await progress.waitFor();
    await expect(progress.getAttribute('max')).resolves.toBe('100000');
    await page
      .getByRole('status')
      .filter({ hasText: /^Syncing: sent [\d,]+ of 100,000 events…$/ })
      .waitFor();
    await syncedStatus(page, /^Synced .*; nothing waiting/).waitFor({ timeout: 240_000 });
    await expect(progress.count()).resolves.toBe(0);
    expect(await server.documentCount(database)).toBe(100_000);
    expect(errors).toEqual([]);
  }, 420_000);
});
