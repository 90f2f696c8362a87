import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness, expectNoAxeViolations } from '../support/browser';
import { dismissedDialogs, xssMarker } from '../support/payload-watch';
import { countTexts } from '../support/progress-reads';
import { quizOptions } from '../support/quiz-page';
import { rateWithKeys, sessionPlace } from '../support/study-page';

const { baseUrl, openPage } = browserHarness();
const fixtures = path.resolve('tests/fixtures/imports');
const asyncNotes = path.join(fixtures, 'async-notes');

function importRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Add your own decks' });
}

/** Picks files or a folder with one of the two inputs, and waits for the import's outcome. */
async function importThrough(
  page: Page,
  label: 'Import deck' | 'Import deck folder',
  files: string | string[],
): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('heading', { name: 'Your decks' }).waitFor();
  await page.getByLabel(label, { exact: true }).setInputFiles(files);
  const status = importRegion(page).getByRole('status');
  await status.filter({ hasText: /^Imported/ }).waitFor();
  return (await status.textContent()) ?? '';
}

function deckTile(page: Page, title: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

function tileCounts(page: Page, title: string): Promise<string[]> {
  return countTexts(deckTile(page, title));
}

/** Shows the answer with Space and rates Good with 3, then waits until the review is stored. */
async function studyOneCard(page: Page) {
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /^Good/ }).waitFor();
  await page.keyboard.press('3');
  await sessionPlace(page)
    .filter({ hasText: /^2 of/ })
    .or(page.getByRole('heading', { name: 'Session complete' }))
    .first()
    .waitFor();
}

describe('importing decks', () => {
  it('imports a folder with warnings, studies it, keeps it over a reload and a re-import, then removes it', async () => {
    const { page, errors } = await openPage();
    const status = await importThrough(page, 'Import deck folder', asyncNotes);
    expect(status).toContain('Imported 1 deck: Async notes.');

    const warnings = await importRegion(page)
      .getByRole('region', { name: '3 warnings' })
      .getByRole('listitem')
      .allTextContents();
    expect(warnings).toEqual([
      'async-notes/1-event-loop@evloop01.md:8: link is not http or https, dropped: ftp://example.com/event-loop.txt',
      'async-notes/4-empty@empty001.md:1: empty file, skipped',
      'async-notes/5-to-do@todo0001.md:1: topic has no description, skipped: Semaphores',
    ]);

    // The deck list now holds it, with its counts and mastery, beside the bundled decks.
    expect(await tileCounts(page, 'Async notes')).toEqual(['New: 6', 'Learning: 0', 'Due: 0']);
    await expect(
      page.getByRole('progressbar', { name: 'Async notes mastery' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: 'Python asynchronous frameworks' }).count(),
    ).resolves.toBe(1);

    // The success message links to the new deck's page.
    await importRegion(page).getByRole('status').getByRole('link', { name: 'Async notes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Async notes' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/decks/async-notes');
    await page.getByRole('button', { name: 'Futures' }).click();
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'placeholder for a result',
    );
    await page.getByRole('link', { name: 'Study' }).click();
    await studyOneCard(page);

    await page.goto(baseUrl);
    const studied = ['New: 5', 'Learning: 1', 'Due: 0'];
    expect(await tileCounts(page, 'Async notes')).toEqual(studied);
    await page.reload();
    expect(await tileCounts(page, 'Async notes')).toEqual(studied);

    // The same folder again is an update of the deck: one deck, progress unchanged.
    const again = await importThrough(page, 'Import deck folder', asyncNotes);
    expect(again).toContain('Imported 1 deck: Async notes (updated).');
    await expect(deckTile(page, 'Async notes').count()).resolves.toBe(1);
    expect(await tileCounts(page, 'Async notes')).toEqual(studied);

    // Removing asks first; cancelling keeps the deck.
    await page.goto(`${baseUrl}/decks/async-notes`);
    await page.getByRole('button', { name: 'Remove deck' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Async notes?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('progress stays');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Remove deck' }).click();
    await dialog.getByRole('button', { name: 'Remove, keep progress' }).click();
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('link', { name: 'Async notes' }).count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole('link', { name: 'Python asynchronous frameworks' }).waitFor();
    await expect(page.getByRole('link', { name: 'Async notes' }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/decks/async-notes`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();

    // Imported once more, the deck finds its progress where it was kept.
    await importThrough(page, 'Import deck folder', asyncNotes);
    expect(await tileCounts(page, 'Async notes')).toEqual(studied);
    expect(errors).toEqual([]);
  });

  it('gives a deck titled like a bundled one an id of its own', async () => {
    const { page, errors } = await openPage();
    const status = await importThrough(
      page,
      'Import deck',
      path.join(fixtures, 'frameworks-copy.md'),
    );
    expect(status).toContain('Imported 1 deck: Python asynchronous frameworks.');
    await expect(importRegion(page).getByRole('listitem').allTextContents()).resolves.toEqual([
      "frameworks-copy.md: deck id python-asynchronous-frameworks is taken by another deck; this deck's id is python-asynchronous-frameworks-2",
    ]);
    await expect(
      importRegion(page)
        .getByRole('status')
        .getByRole('link', { name: 'Python asynchronous frameworks' })
        .getAttribute('href'),
    ).resolves.toBe('/decks/python-asynchronous-frameworks-2');
    const hrefs = await page
      .getByRole('listitem')
      .getByRole('link', { name: 'Python asynchronous frameworks', exact: true })
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([
      '/decks/python-asynchronous-frameworks',
      '/decks/python-asynchronous-frameworks-2',
    ]);

    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks-2`);
    await page.getByRole('button', { name: 'Twisted' }).waitFor();
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks`);
    await page.getByRole('button', { name: 'gevent' }).waitFor();
    // A bundled deck can be exported but not removed.
    await page.getByRole('button', { name: 'Export for Anki' }).waitFor();
    await expect(page.getByRole('button', { name: 'Remove deck' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('counts each card of an imported copy of a bundled deck once, and says their progress is shared', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseUrl);
    // Every tile shows its counts at once, when stored progress has loaded.
    await page
      .getByText(/^New: \d+$/)
      .first()
      .waitFor();
    const newCounts = await page.getByText(/^New: \d+$/).allTextContents();
    // Nothing studied yet: every due card is new. Each topic has a term and a recall card, and
    // siblings wait, so each deck brings one card per topic, at most 20 a day.
    const distinctDue = newCounts
      .map((text) => Math.min(20, Number(text.replace('New: ', '')) / 2))
      .reduce((sum, count) => sum + count, 0);

    const bundledFolder = path.resolve('decks/python-async-ecosystem');
    const topicCount = (await readdir(bundledFolder)).filter((name) => name.includes('@')).length;
    const status = await importThrough(page, 'Import deck folder', bundledFolder);
    expect(status).toContain(
      `${topicCount} topics of this deck are also in Python async ecosystem: their progress is shared.`,
    );
    // Each deck's own page still counts its own cards.
    await expect(page.getByText(/^New: \d+$/).allTextContents()).resolves.toEqual([
      ...newCounts,
      `New: ${2 * topicCount}`,
    ]);

    await page.getByRole('link', { name: 'Study all due' }).click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await expect(page.getByText(/^\d+ of \d+$/).textContent()).resolves.toBe(`1 of ${distinctDue}`);
    expect(errors).toEqual([]);
  });

  it('keeps a deck imported into a deck database that had lost its store', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    // The database as an older build or a hand edit could leave it: there, without its store.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const deletion = indexedDB.deleteDatabase('recallmap-decks');
          deletion.onerror = () => reject(deletion.error);
          deletion.onsuccess = () => {
            const request = indexedDB.open('recallmap-decks', 1);
            request.onupgradeneeded = () => request.result.createObjectStore('other');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
          };
        }),
    );

    const status = await importThrough(page, 'Import deck folder', asyncNotes);
    expect(status).toContain('Imported 1 deck: Async notes.');
    await expect(importRegion(page).getByRole('alert').count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole('link', { name: 'Async notes', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('imports loose topic files dropped on the drop zone as one deck', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseUrl);
    // The import region loads after the deck list: the drop goes to it once it is there.
    await importRegion(page).evaluate((zone) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['# Index\n'], 'index.md', { type: 'text/markdown' }));
      transfer.items.add(
        new File(
          ['# Locks\n\nA lock lets one task at a time into a critical section.\n'],
          'locks@lock0001.md',
        ),
      );
      transfer.items.add(
        new File(
          ['# Queues\n\nA queue hands items from producer tasks to consumer tasks.\n'],
          'queues@queue001.md',
        ),
      );
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    });
    await importRegion(page)
      .getByRole('status')
      .filter({ hasText: /^Imported/ })
      .waitFor();
    await expect(importRegion(page).getByRole('status').textContent()).resolves.toContain(
      'Imported 1 deck: Index.',
    );
    expect(await tileCounts(page, 'Index')).toEqual(['New: 4', 'Learning: 0', 'Due: 0']);
    expect(errors).toEqual([]);
  });

  it('says so in an alert when nothing in the files makes a deck', async () => {
    const { page } = await openPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
    await page.getByLabel('Import deck', { exact: true }).setInputFiles({
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('Just a line of text, no headings.\n'),
    });
    const alert = importRegion(page).getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/^Nothing imported/);
    // A warning about the whole file names the file, with no line 0.
    await expect(importRegion(page).getByRole('listitem').allTextContents()).resolves.toContain(
      'notes.md: no topic with a description, no deck',
    );
    // Even a one-line file compiles off the page's thread.
    expect(workers.some((url) => url.includes('compile-decks-worker'))).toBe(true);
  });

  it('compiles a large import in a worker', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'recallmap-large-'));
    try {
      const deck = path.join(folder, 'big-roadmap');
      await mkdir(deck);
      const paragraph = 'It explains one idea of the roadmap in plain words. '.repeat(12);
      for (let topic = 1; topic <= 400; topic++) {
        await writeFile(
          path.join(deck, `topic-${topic}@node${topic}.md`),
          `# Topic number ${topic}\n\nTopic number ${topic} is a topic. ${paragraph}\n`,
        );
      }
      const { page, errors } = await openPage();
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      const status = await importThrough(page, 'Import deck folder', deck);
      expect(status).toContain('Imported 1 deck: Big roadmap.');
      expect(workers.some((url) => url.includes('compile-decks-worker'))).toBe(true);
      await expect(deckTile(page, 'Big roadmap').textContent()).resolves.toContain(
        '400 topics · 800 cards',
      );
      expect(errors).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('keeps the page responsive while it imports a deck of slow markdown', async () => {
    // Openers that never close: a parser that rescans the rest of the line from each of them
    // would take seconds over these few hundred kilobytes.
    const pieces = { 'Unclosed strong': '**a ', 'Open brackets': '[', 'Unclosed links': '[a](' };
    const markdown = Object.entries(pieces)
      .map(([title, piece]) => `### ${title}\n\n${piece.repeat(100_000 / piece.length)}\n`)
      .join('\n');
    // A file on disk: a buffer would be decoded by the test driver in the page, a long task of
    // its own.
    const folder = await mkdtemp(path.join(tmpdir(), 'recallmap-slow-'));
    try {
      const file = path.join(folder, 'slow-markdown.md');
      await writeFile(file, `# Slow markdown\n\n## Kinds\n\n${markdown}`);
      const { page, errors } = await openPage();
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Your decks' }).waitFor();
      await page.evaluate(() => {
        const durations: number[] = [];
        Object.assign(window, { longTaskDurations: durations });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(entry.duration);
        }).observe({ type: 'longtask' });
      });
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.getByLabel('Import deck', { exact: true }).setInputFiles(file);
      const status = importRegion(page).getByRole('status');
      await status.filter({ hasText: /^Imported/ }).waitFor();
      await expect(status.textContent()).resolves.toContain('Imported 1 deck: Slow markdown.');
      await deckTile(page, 'Slow markdown').waitFor();
      expect(workers.some((url) => url.includes('compile-decks-worker'))).toBe(true);
      const longestTaskMs = await page.evaluate(() =>
        Math.max(0, ...(window as unknown as { longTaskDurations: number[] }).longTaskDurations),
      );
      // The page never hangs: its longest task stays far below a second, where a machine busy
      // with other work stretches its ordinary tasks several times over.
      expect(longestTaskMs).toBeLessThan(1000);
      expect(errors).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('shows an imported deck’s hostile text as text and runs none of it', async () => {
    const { page, errors } = await openPage();
    const dialogs = dismissedDialogs(page);
    const title = 'Hostile <svg onload="window.__xss=1"> import';
    const status = await importThrough(page, 'Import deck', path.join(fixtures, 'xss-battery.md'));
    expect(status).toContain(`Imported 1 deck: ${title}.`);

    await deckTile(page, title).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const topics = page.getByRole('heading', { level: 3 }).getByRole('button');
    for (let index = 0; index < (await topics.count()); index++) {
      await topics.nth(index).click();
      await expect(topics.nth(index).getAttribute('aria-expanded')).resolves.toBe('true');
    }
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const payload of [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=1"><circle r="5"/></svg>',
      '&lt;script&gt;window.__xss=1&lt;/script&gt;',
      '<img src=y onerror="window.__xss=1"> title',
      'Payloads <img src=x onerror="window.__xss=1">',
    ]) {
      expect(text).toContain(payload);
    }
    await expect(page.locator('main script, main img, main circle').count()).resolves.toBe(0);
    const hrefs = await page
      .getByRole('main')
      .getByRole('link', { includeHidden: true })
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^(https?:\/\/|\/)/.test(href))).toEqual([]);

    await page.getByRole('link', { name: 'Study' }).click();
    for (let card = 0; card < 3; card++) await rateWithKeys(page, '3');
    await page.goBack();
    await page.getByRole('link', { name: 'Quiz' }).click();
    await quizOptions(page).first().waitFor();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Next' }).waitFor();

    expect(await xssMarker(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('exports a deck for Anki as a tab-separated file named by the deck id', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks`);
    const summary =
      (await page
        .getByText(/\d+ cards/)
        .first()
        .textContent()) ?? '';
    const studyCards = Number(/(\d+) cards/.exec(summary)?.[1]);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export for Anki' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('python-asynchronous-frameworks.txt');
    const text = await readFile(await download.path(), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('#separator:tab');
    expect(lines).toContain('#columns:guid\tFront\tBack\tNote\tTags');
    const rows = lines.filter((line) => !line.startsWith('#'));
    expect(rows.length).toBe(studyCards);
    expect(rows.every((row) => row.split('\t').length === 5)).toBe(true);
    const guids = rows.map((row) => row.split('\t')[0]);
    expect(new Set(guids).size).toBe(rows.length);
    expect(guids).toContain('python-asynchronous-frameworks/asynchronous-frameworks/gevent:term');
  });

  it('opens the file dialog from the Import deck button, and hints at dropping only where a pointer can drag', async () => {
    const dropHint = (page: Page) =>
      importRegion(page).getByText('Drop files or a folder anywhere in this box');
    const desktop = await openPage();
    await desktop.page.goto(baseUrl);
    await importRegion(desktop.page).waitFor();
    await expect(dropHint(desktop.page).isVisible()).resolves.toBe(true);
    const chooser = desktop.page.waitForEvent('filechooser');
    await importRegion(desktop.page).getByText('Import deck', { exact: true }).click();
    await (await chooser).setFiles(path.join(fixtures, 'frameworks-copy.md'));
    await importRegion(desktop.page)
      .getByRole('status')
      .filter({ hasText: /^Imported 1 deck/ })
      .waitFor();
    await expectNoAxeViolations(desktop.page);

    const phone = await openPage({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    await phone.page.goto(baseUrl);
    await importRegion(phone.page).getByLabel('Import deck', { exact: true }).waitFor({
      state: 'attached',
    });
    await expect(dropHint(phone.page).isVisible()).resolves.toBe(false);
    await expect(
      importRegion(phone.page).getByText('Import deck folder', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    expect([...desktop.errors, ...phone.errors]).toEqual([]);
  });

  it('has no axe violations on the import results and the removal dialog', async () => {
    const { page } = await openPage();
    await importThrough(page, 'Import deck folder', asyncNotes);
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl}/decks/async-notes`);
    await page.getByRole('button', { name: 'Remove deck' }).click();
    await page.getByRole('dialog').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await expectNoAxeViolations(page);
  });
});
