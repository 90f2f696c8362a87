import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/backup/backup-file';
import {
  type BackupPorts,
  DeckRestoreError,
  exportBackup,
  importBackup,
  previewImport,
} from '../../src/backup/backup-transfer';
import type { DeckSource } from '../../src/domain/compile';
import { cardId } from '../../src/domain/ids';
import { defaultSettings, type Settings } from '../../src/domain/progress';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { review } from '../support/events';

const t0 = Date.UTC(2026, 4, 4, 10);
const notes: DeckSource = {
  path: 'notes.md',
  layout: 'single-file',
  files: [{ path: 'notes.md', content: '# Notes\n\n## Part\n\n### Term\n\nIt means this.\n' }],
};

/** One browser: a repository and a deck catalog, with a record of what was called in which order. */
function browser(
  options: {
    decks?: DeckSource[];
    failDecks?: boolean;
    failProgress?: boolean;
    failRestore?: boolean;
  } = {},
) {
  const repository = new InMemoryProgressRepository(testSchedulerFor);
  let settings: Settings = defaultSettings;
  let decks = options.decks ?? [];
  const calls: string[] = [];
  const ports: BackupPorts = {
    currentSettings: () => settings,
    allEvents: () => repository.allEvents(),
    importedSources: async () => decks,
    importedDeckIds: async () => new Set(decks.map((d) => d.path)),
    // Each deck's id is its path here; the real catalog compiles the sources.
    compiledDeckIds: async (sources) => sources.map((source) => source.path),
    // Cards of the notes deck, whether it is here already or comes with the backup.
    deckCardIds: async () => new Set(['notes/term:term', 'notes/term:recall', 'notes/term:quiz']),
    async importDeckSources(sources) {
      calls.push('decks');
      if (options.failDecks) throw new Error('The deck store is full');
      const before = decks;
      decks = [...decks.filter((d) => !sources.some((s) => s.path === d.path)), ...sources];
      const restore = async () => {
        calls.push('restore decks');
        if (options.failRestore) throw new Error('The deck store is closed');
        decks = before;
      };
      return { deckIds: sources.map((source) => source.path), warnings: [], restore };
    },
    async importProgress(newSettings, events) {
      calls.push('progress');
      // A write that fails before its transaction commits: the repository is left as it was.
      if (options.failProgress) throw new Error('QuotaExceededError: the quota has been exceeded');
      const merged = await repository.mergeEvents(events, { settings: newSettings });
      settings = newSettings;
      return merged;
    },
  };
  return { repository, ports, calls, decks: () => decks };
}

async function backupOf(ports: BackupPorts) {
  const { fileName, text } = await exportBackup(ports, t0);
  const parsed = parseBackup(text, text.length, t0);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { fileName, backup: parsed.value };
}

describe('export, preview and import between two browsers', () => {
  it('carries the reviews, the settings and the imported decks', async () => {
    const home = browser({ decks: [notes] });
    await home.repository.commitReview(review('r1', cardId('notes/term:term'), 3, t0));
    await home.repository.commitReview(review('r2', cardId('notes/term:recall'), 4, t0 + 9000));
    const { fileName, backup } = await backupOf(home.ports);
    expect(fileName).toMatch(/^recallmap-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.decks).toEqual([notes]);

    const work = browser();
    expect(await previewImport(work.ports, backup)).toMatchObject({
      newReviews: 2,
      knownReviews: 0,
      newReviewsOfCardsInNoDeck: 0,
      decksAdded: 1,
    });
    const outcome = await importBackup(work.ports, backup);
    expect(outcome.addedReviews).toBe(2);
    expect(work.calls).toEqual(['decks', 'progress']);
    expect(work.decks()).toEqual([notes]);
    expect(await work.repository.allEvents()).toEqual(await home.repository.allEvents());

    expect(await previewImport(work.ports, backup)).toMatchObject({
      newReviews: 0,
      knownReviews: 2,
      decksAdded: 0,
      decksUnchanged: 1,
    });
    expect((await importBackup(work.ports, backup)).addedReviews).toBe(0);
  });

  it('leaves progress alone when the decks cannot be imported', async () => {
    const home = browser({ decks: [notes] });
    await home.repository.commitReview(review('r1', cardId('notes/term:term'), 3, t0));
    const { backup } = await backupOf(home.ports);
    const work = browser({ failDecks: true });
    await expect(importBackup(work.ports, backup)).rejects.toThrow('The deck store is full');
    expect(work.calls).toEqual(['decks']);
    expect(await work.repository.allEvents()).toEqual([]);
  });

  it('puts the decks back when the settings and events cannot be written', async () => {
    const home = browser({ decks: [notes] });
    await home.repository.commitReview(review('r1', cardId('notes/term:term'), 3, t0));
    const { backup } = await backupOf(home.ports);
    const older: DeckSource = { ...notes, files: [{ path: 'notes.md', content: '# Notes\n' }] };
    const work = browser({ decks: [older], failProgress: true });
    await expect(importBackup(work.ports, backup)).rejects.toThrow(/QuotaExceededError/);
    expect(work.calls).toEqual(['decks', 'progress', 'restore decks']);
    expect(work.decks()).toEqual([older]);
    expect(await work.repository.allEvents()).toEqual([]);
    expect(await work.repository.getSettings()).toEqual(defaultSettings);
  });

  it('says so when even putting the decks back fails', async () => {
    const home = browser({ decks: [notes] });
    const { backup } = await backupOf(home.ports);
    const work = browser({ failProgress: true, failRestore: true });
    const failure = importBackup(work.ports, backup);
    await expect(failure).rejects.toBeInstanceOf(DeckRestoreError);
    await expect(failure).rejects.toThrow(
      'QuotaExceededError: the quota has been exceeded; the imported decks could not be put back either (The deck store is closed)',
    );
  });

  it('does not ask the catalog to import when the backup holds no decks', async () => {
    const home = browser();
    const { backup } = await backupOf(home.ports);
    const work = browser();
    await importBackup(work.ports, backup);
    expect(work.calls).toEqual(['progress']);
  });
});
