import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/backup/backup-file';
import { cardId } from '../../src/domain/ids';
import {
  chooseBackup,
  confirmImport,
  type FileChoice,
  jsonFile,
  versionOneBackup,
} from '../support/backup-page';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { compileOne, singleFileSource } from '../support/deck-sources';
import { review } from '../support/events';
import { dismissedDialogs, xssMarker } from '../support/payload-watch';
import { countTexts } from '../support/progress-reads';
import { quizOptions } from '../support/quiz-page';
import { rateWithKeys, waitForSessionProgress } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const deckPath = '/decks/python-asynchronous-frameworks';
const deckTitle = 'Python asynchronous frameworks';
let downloads: string;

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'recallmap-backup-'));
});

/** What a learner sees of their progress: the deck's counts and mastery, and the total. */
async function visibleProgress(page: Page) {
  await page.goto(`${baseUrl}${deckPath}`);
  const counts = await countTexts(page);
  const mastery = await page
    .getByRole('progressbar', { name: `${deckTitle} mastery` })
    .getAttribute('value');
  await page.goto(`${baseUrl}/stats`);
  const total = await page.getByText(/^Total reviews: \d+$/).textContent();
  return { counts, mastery, total };
}

/** Three study answers (Good and Easy only: no card falls due again during the test) and a quiz answer. */
async function studyAndQuiz(page: Page) {
  await page.goto(`${baseUrl}${deckPath}/study`);
  for (const [key, next] of [
    ['3', '2 of 4'],
    ['4', '3 of 4'],
    ['3', '4 of 4'],
  ] as const) {
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    await page.keyboard.press(key);
    await waitForSessionProgress(page, next);
  }
  await page.goto(`${baseUrl}${deckPath}/quiz`);
  await quizOptions(page).first().waitFor();
  await page.keyboard.press('2');
  await page.getByRole('button', { name: 'Next' }).waitFor();
  await page.keyboard.press('Enter');
}

async function exportFrom(page: Page): Promise<{ path: string; name: string }> {
  await page.goto(`${baseUrl}/settings`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const name = download.suggestedFilename();
  // A folder per export: the file keeps the name the app gave it.
  const path = join(await mkdtemp(join(downloads, 'export-')), name);
  await download.saveAs(path);
  return { path, name };
}

/** A backup exported now, read back as JSON. */
async function exportedBackup(page: Page): Promise<unknown> {
  return JSON.parse(await readFile((await exportFrom(page)).path, 'utf8'));
}

/** Each file is refused with an alert holding its message, and no import is offered. */
async function expectEachRefused(page: Page, cases: readonly [FileChoice, string][]) {
  for (const [file, message] of cases) {
    await chooseBackup(page, baseUrl, file);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(message);
    await expect(page.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(
      0,
    );
  }
}

/** Imports a deck of one card with a review of it on each of the `days` study days before today. */
async function importReviewsOnEarlierDays(page: Page, days: number) {
  const source = singleFileSource(
    'daily.md',
    '# Daily\n\n## Basics\n\n### Loop\n\nA loop runs tasks.\n',
  );
  const card = compileOne(source).cards[0];
  if (!card) throw new Error('the daily deck has no card');
  const dayMillis = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const backup = versionOneBackup(
    [source],
    Array.from({ length: days }, (_, index) =>
      review(`daily-${index}`, card.id, 3, now - (days - index) * dayMillis),
    ),
    now,
  );
  await chooseBackup(page, baseUrl, jsonFile('daily.json', backup));
  expect(await confirmImport(page)).toBe(`Imported ${days} reviews`);
}

describe('backups', () => {
  it('reminds a learner with a week of reviews on evictable storage to export, until they do', async () => {
    const { page, errors } = await openPage({ viewport: { width: 360, height: 740 } });
    const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
    await page.goto(`${baseUrl}${deckPath}`);
    await countTexts(page);
    await expect(reminder.count()).resolves.toBe(0); // no reviews yet: nothing to lose
    await importReviewsOnEarlierDays(page, 6);
    await page.goto(`${baseUrl}${deckPath}`);
    await countTexts(page);
    await expect(reminder.count()).resolves.toBe(0); // six days of reviews: not yet worth it
    // A review today makes a week of them; the study screen stays clear of the reminder.
    await page.getByRole('link', { name: 'Study', exact: true }).click();
    await rateWithKeys(page, '3');
    await expect(reminder.count()).resolves.toBe(0);
    // Headless Chromium never grants persistent storage: the case the reminder exists for.
    await expect(page.evaluate(() => navigator.storage.persisted())).resolves.toBe(false);
    await page.goto(`${baseUrl}${deckPath}`);
    await reminder.filter({ hasText: 'No backup yet.' }).waitFor();
    // On a phone it takes two lines at most.
    const lines = await reminder.evaluate((element) => {
      const style = getComputedStyle(element);
      const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
      return (element.clientHeight - padding) / Number.parseFloat(style.lineHeight);
    });
    expect(lines).toBeLessThanOrEqual(2);
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl}${deckPath}/quiz`);
    await quizOptions(page).first().waitFor();
    await expect(reminder.count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/stats`);
    await reminder.getByRole('link', { name: 'Export a backup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await exportFrom(page);
    await expect(reminder.count()).resolves.toBe(0);
    await page.goto(`${baseUrl}${deckPath}`);
    await countTexts(page);
    await expect(reminder.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('carries progress to a browser with no data: counts, mastery and total as before', async () => {
    const home = await openPage();
    await studyAndQuiz(home.page);
    const before = await visibleProgress(home.page);
    expect(before.total).toBe('Total reviews: 4');
    expect(before.counts).toEqual(['New: 5', 'Learning: 2', 'Due: 0']);

    const { path, name } = await exportFrom(home.page);
    expect(name).toMatch(/^recallmap-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(path, 'utf8');
    const parsed = parseBackup(text, Buffer.byteLength(text), Date.now());
    expect(parsed.ok && parsed.value.events.length).toBe(4);

    // Another context is another browser profile: no IndexedDB, no localStorage.
    const fresh = await openPage();
    await fresh.page.goto(`${baseUrl}/stats`);
    await fresh.page.getByText('Total reviews: 0').waitFor();
    await chooseBackup(fresh.page, baseUrl, path);
    await fresh.page.getByRole('button', { name: 'Cancel' }).click();
    await fresh.page.getByRole('status').filter({ hasText: 'nothing was changed' }).waitFor();
    await fresh.page.goto(`${baseUrl}/stats`);
    await fresh.page.getByText('Total reviews: 0').waitFor();

    await chooseBackup(fresh.page, baseUrl, path);
    await expectNoAxeViolations(fresh.page);
    const preview = (await fresh.page.getByRole('main').textContent()) ?? '';
    expect(preview).toContain(`Import ${name}?`);
    expect(preview).toContain('4 new reviews');
    expect(preview).toContain('Settings: the same as yours');
    expect(await confirmImport(fresh.page)).toBe('Imported 4 reviews');
    expect(await visibleProgress(fresh.page)).toEqual(before);

    // The same file again adds nothing and says so first.
    await chooseBackup(fresh.page, baseUrl, path);
    await expect(fresh.page.getByRole('main').textContent()).resolves.toContain(
      'No new reviews (4 already here)',
    );
    expect(await confirmImport(fresh.page)).toBe('Imported 0 reviews');
    expect(await visibleProgress(fresh.page)).toEqual(before);
    expect([...home.errors, ...fresh.errors]).toEqual([]);
  });

  it('refuses every kind of bad file with an alert naming it, and changes nothing', async () => {
    const { page, errors } = await openPage();
    await studyAndQuiz(page);
    const before = await visibleProgress(page);
    const { path } = await exportFrom(page);
    const text = await readFile(path, 'utf8');
    const good = JSON.parse(text) as { events: Record<string, unknown>[] };
    const cases: [FileChoice, string][] = [
      [
        jsonFile('notes.json', 'These are not the reviews you are looking for.'),
        'notes.json was not imported: it is not valid JSON — it may be truncated. Nothing was changed.',
      ],
      [
        jsonFile('cut-short.json', text.slice(0, Math.floor(text.length * 0.6))),
        'cut-short.json was not imported: it is not valid JSON — it may be truncated.',
      ],
      [
        jsonFile('other-app.json', { ...good, format: 'anki-deck' }),
        'other-app.json was not imported: it is not a Recallmap backup: its format is "anki-deck"',
      ],
      [
        jsonFile('from-the-future.json', { ...good, version: 3 }),
        'from-the-future.json was not imported: it is version 3, written by a newer Recallmap',
      ],
      [
        jsonFile('bad-rating.json', {
          ...good,
          events: good.events.map((event, index) =>
            index === 2 ? { ...event, rating: 7 } : event,
          ),
        }),
        'bad-rating.json was not imported: event 3: rating is 7, not one of 1, 2, 3, 4',
      ],
      [
        jsonFile('bad-settings.json', { ...good, settings: { desiredRetention: 'high' } }),
        'bad-settings.json was not imported: its settings are invalid: desiredRetention is "high"',
      ],
      [
        jsonFile('bad-deck.json', { ...good, decks: [{ path: 'x.md', layout: 'zip', files: [] }] }),
        'bad-deck.json was not imported: deck 1 (x.md) layout is "zip"',
      ],
    ];
    await expectEachRefused(page, cases);
    expect(await visibleProgress(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('refuses a backup with an impossible review time, naming the event and value', async () => {
    const { page, errors } = await openPage();
    await studyAndQuiz(page);
    const before = await visibleProgress(page);
    const good = (await exportedBackup(page)) as {
      settings: Record<string, unknown>;
      events: Record<string, unknown>[];
    };
    // A valid new review and other settings ride along: none of it may land.
    const withTime = (reviewedAtMillis: number) => ({
      ...good,
      settings: { ...good.settings, newPerDay: 3 },
      events: [
        ...good.events,
        { ...good.events[0], id: 'fresh', reviewedAtMillis: Date.now() - 60_000 },
        { ...good.events[0], id: 'poisoned', reviewedAtMillis },
      ],
    });
    const cases: [FileChoice, string][] = [
      [
        jsonFile('far-future.json', withTime(1e300)),
        'far-future.json was not imported: event 6 (id poisoned): reviewedAtMillis is 1e+300, outside 2000-01-01 to ',
      ],
      [
        jsonFile('year-2100.json', withTime(Date.UTC(2100, 0, 1))),
        'year-2100.json was not imported: event 6 (id poisoned): reviewedAtMillis is 4102444800000, outside ',
      ],
      [
        jsonFile('before-2000.json', withTime(-1)),
        'before-2000.json was not imported: event 6 (id poisoned): reviewedAtMillis is -1, outside ',
      ],
      [
        // JSON.parse reads 1e400 as Infinity.
        jsonFile(
          'endless.json',
          JSON.stringify(withTime(123)).replace(
            '"reviewedAtMillis":123',
            '"reviewedAtMillis":1e400',
          ),
        ),
        'endless.json was not imported: event 6: reviewedAtMillis is Infinity, not a finite number. Nothing was changed.',
      ],
    ];
    await expectEachRefused(page, cases);
    expect(await visibleProgress(page)).toEqual(before);
    await page.goto(`${baseUrl}/settings`);
    await expect(
      page.getByRole('spinbutton', { name: 'New cards per deck per day' }).inputValue(),
    ).resolves.toBe('20');
    expect(errors).toEqual([]);
  });

  it('keeps out the deck and settings of a backup whose reviews the merge refuses', async () => {
    const { page, errors } = await openPage();
    await studyAndQuiz(page);
    const before = await visibleProgress(page);
    const good = (await exportedBackup(page)) as {
      settings: Record<string, unknown>;
      events: Record<string, unknown>[];
    };
    const source = singleFileSource(
      'kept-out.md',
      '# Kept out\n\n## Part\n\n### Term\n\nIt means this.\n',
    );
    const clash = {
      ...good,
      settings: { ...good.settings, newPerDay: 3 },
      decks: [source],
      events: [
        {
          ...good.events[0],
          id: 'orphan',
          cardId: 'gone/topic:term',
          reviewedAtMillis: Date.now(),
        },
        // A stored review's id on another card: the parser cannot know, the merge refuses it.
        { ...good.events[0], cardId: 'gone/topic:recall' },
      ],
    };
    await chooseBackup(page, baseUrl, jsonFile('clash.json', clash));
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      '1 review of cards in no deck',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /^Importing clash\.json failed: .*has the id of a stored event of card .*\. Nothing was changed\.$/,
    );
    expect(await visibleProgress(page)).toEqual(before);
    // A backup made now holds the imported decks as stored: none.
    const after = (await exportedBackup(page)) as {
      decks: unknown[];
    };
    expect(after.decks).toEqual([]);
    await expect(
      page.getByRole('spinbutton', { name: 'New cards per deck per day' }).inputValue(),
    ).resolves.toBe('20');
    expect(errors).toEqual([]);
  });

  it('imports a hostile deck and card id as text: no script runs, no dialog opens', async () => {
    const { page, errors } = await openPage();
    const dialogs = dismissedDialogs(page);
    const content = [
      '# Hostile notes',
      '',
      '## Payloads <img src=x onerror="window.__xss=1">',
      '',
      '### Image tag',
      '',
      'An image <img src=x onerror="window.__xss=1"> must stay text.',
      '',
      '### Script tag',
      '',
      'A script <script>window.__xss=1</script> must stay text.',
      '',
    ].join('\n');
    const source = singleFileSource('hostile.md', content);
    const deck = compileOne(source);
    const card = deck.cards.find((candidate) => candidate.kind === 'term');
    if (!card) throw new Error('the hostile deck has no term card');
    const t0 = Date.now() - 60_000;
    const backup = versionOneBackup(
      [source],
      [
        review('crafted', cardId('<img src=x onerror="window.__xss=1">:term'), 3, t0),
        review('real', card.id, 3, t0),
      ],
      t0,
    );
    await chooseBackup(page, baseUrl, jsonFile('hostile.json', backup));
    await expect(page.getByRole('main').textContent()).resolves.toContain('Decks: adds 1 deck');
    expect(await confirmImport(page)).toBe('Imported 2 reviews');

    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Hostile notes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hostile notes' }).waitFor();
    for (const name of ['Image tag', 'Script tag']) {
      await page.getByRole('button', { name }).click();
    }
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(text).toContain('<script>window.__xss=1</script>');
    await expect(page.locator('main img, main script').count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/stats`);
    await page.getByText('Total reviews: 2').waitFor();
    await page.goto(`${baseUrl}/decks/${deck.id}/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();

    // A backup made now carries the imported deck's source, as stored.
    const exported = await readFile((await exportFrom(page)).path, 'utf8');
    const again = parseBackup(exported, Buffer.byteLength(exported), Date.now());
    expect(again.ok && again.value.decks).toEqual([source]);

    expect(await xssMarker(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
