import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { newerSettings } from '../../src/sync/settings-merge';
import {
  deckDocument,
  eventDocument,
  readArrivedDocument,
  settingsDocument,
} from '../../src/sync/sync-documents';
import { databaseNameProblem, serverUrlProblem } from '../../src/sync/sync-target';
import { action, review } from '../support/events';

const t0 = Date.UTC(2026, 10, 2, 9);
const card = cardId('python/asyncio:term');

describe('sync documents', () => {
  it('gives an event its id and a revision every device derives alike', () => {
    const event = review('e-1', card, 3, t0);
    const document = eventDocument(event);
    expect(document._id).toBe('e-1');
    expect(document._rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(eventDocument({ ...event })._rev).toBe(document._rev);
    expect(eventDocument(review('e-2', card, 3, t0))._rev).not.toBe(document._rev);
  });

  it('reads back what it wrote: events, decks and settings', () => {
    const suspend = action('a-1', card, 'suspend', t0);
    expect(readArrivedDocument(eventDocument(suspend), t0)).toEqual({
      type: 'event',
      event: suspend,
    });
    const source = {
      path: 'd.md',
      layout: 'single-file' as const,
      files: [{ path: 'd.md', content: '# D' }],
    };
    expect(readArrivedDocument(deckDocument('d', source, t0), t0)).toEqual({
      type: 'deck',
      deckId: 'd',
      importedAtMillis: t0,
      source,
    });
    const settings = { ...defaultSettings, newPerDay: 3, changedAtMillis: t0 };
    expect(readArrivedDocument(settingsDocument(settings), t0)).toEqual({
      type: 'settings',
      settings,
    });
  });

  it('refuses what a backup would refuse, saying why', () => {
    const refused = (value: unknown) => {
      const read = readArrivedDocument(value, t0);
      return read.type === 'invalid' ? read.reason : read.type;
    };
    expect(refused({ _id: 'e', type: 'event', event: review('other', card, 3, t0) })).toBe(
      'holds an event of another id',
    );
    expect(refused(eventDocument(review('late', card, 3, t0 + 3 * 86_400_000)))).toMatch(
      /reviewedAtMillis .* outside/,
    );
    expect(
      refused({ _id: 'e', type: 'event', event: { ...review('e', card, 3, t0), rating: 7 } }),
    ).toMatch(/rating/);
    expect(refused({ _id: 'deck:a', type: 'deck', deckId: 'b', importedAtMillis: t0 })).toBe(
      'names no deck, or another deck than its id',
    );
    expect(
      refused({ _id: 'settings', type: 'settings', settings: { desiredRetention: 2 } }),
    ).toMatch(/desiredRetention/);
    expect(refused({ _id: 'x', type: 'script' })).toBe(
      'has type "script", which this version does not know',
    );
    expect(refused({ _id: '_design/app', language: 'javascript' })).toBe('ignored');
    expect(refused({ _id: 'gone', _deleted: true })).toBe('ignored');
    expect(refused('text')).toBe('is not a document with an id');
  });

  it('keeps the settings changed last', () => {
    const never = defaultSettings;
    const early = { ...defaultSettings, newPerDay: 1, changedAtMillis: t0 };
    const late = { ...defaultSettings, newPerDay: 2, changedAtMillis: t0 + 1 };
    expect(newerSettings(early, late)).toBe(late);
    expect(newerSettings(late, early)).toBe(late);
    expect(newerSettings(never, early)).toBe(early);
    expect(newerSettings(early, { ...early, newPerDay: 9 })).toBe(early);
  });
});

describe('sync targets', () => {
  it('takes https anywhere and http only on this computer', () => {
    expect(serverUrlProblem('https://couch.example.org')).toBeUndefined();
    expect(serverUrlProblem('http://127.0.0.1:5984')).toBeUndefined();
    expect(serverUrlProblem('http://localhost:5984')).toBeUndefined();
    expect(serverUrlProblem('http://couch.example.org')).toMatch(/^Use https:\/\//);
    expect(serverUrlProblem('https://me:secret@couch.example.org')).toMatch(/Leave the user name/);
    expect(serverUrlProblem('ftp://couch.example.org')).toMatch(/must start with https/);
    expect(serverUrlProblem('couch')).toMatch(/Enter the server/);
  });

  it('takes CouchDB database names only', () => {
    expect(databaseNameProblem('recallmap')).toBeUndefined();
    expect(databaseNameProblem('Recallmap')).toMatch(/lowercase/);
    expect(databaseNameProblem('_users')).toMatch(/lowercase/);
  });
});
