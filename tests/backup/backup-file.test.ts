import { describe, expect, it } from 'vitest';
import {
  type Backup,
  createBackup,
  maxBackupBytes,
  parseBackup,
} from '../../src/backup/backup-file';
import type { DeckSource } from '../../src/domain/compile';
import { cardId, topicId } from '../../src/domain/ids';
import { defaultSettings, noteOwnerId, type ProgressEvent } from '../../src/domain/progress';
import { review, undo } from '../support/events';

const t0 = Date.UTC(2026, 4, 4, 10);
/** The moment of the imports here: an hour after the backup's reviews. */
const importedAtMillis = t0 + 60 * 60_000;
const studied = review('e1', cardId('css/box-model:term'), 3, t0);
const events: ProgressEvent[] = [
  studied,
  review('e2', cardId('css/box-model:quiz'), 1, t0 + 60_000, {
    durationMillis: 4000,
    source: 'quiz',
    pickedOptionIndex: 2,
  }),
  undo('u1', studied, t0 + 5000),
];
const decks: DeckSource[] = [
  {
    path: 'my-notes.md',
    layout: 'single-file',
    files: [
      { path: 'my-notes.md', content: '# Notes\n\n## Basics\n\n### Term\n\nA description.\n' },
    ],
  },
];
const backup = createBackup({
  exportedAtMillis: t0,
  appVersion: '0.1.0',
  settings: { ...defaultSettings, desiredRetention: 0.85 },
  decks,
  events,
});

/** The backup as JSON with one part replaced, as a damaged or foreign file would be. */
function fileWith(change: Record<string, unknown>): string {
  return JSON.stringify({ ...backup, ...change });
}

function errorOf(text: string, byteSize = text.length): string {
  const parsed = parseBackup(text, byteSize, importedAtMillis);
  if (parsed.ok) throw new Error('expected the backup to be refused');
  return parsed.reason;
}

describe('createBackup', () => {
  it('writes the contract object, fields in the contract order', () => {
    expect(Object.keys(backup)).toEqual([
      'format',
      'version',
      'exportedAtMillis',
      'appVersion',
      'settings',
      'decks',
      'events',
    ]);
    expect(backup.format).toBe('recallmap-backup');
    expect(backup.version).toBe(2);
    expect(backup.exportedAtMillis).toBe(t0);
    expect(backup.events).toEqual(events);
    expect(backup.decks).toEqual(decks);
  });
});

describe('parseBackup', () => {
  it('reads a version 1 file as it was written: reviews and undos, settings without newer fields', () => {
    const { leechLapses: _, ...version1Settings } = defaultSettings;
    const text = JSON.stringify({
      format: 'recallmap-backup',
      version: 1,
      exportedAtMillis: t0,
      appVersion: '0.1.0',
      settings: version1Settings,
      decks: [],
      events,
    });
    const parsed = parseBackup(text, text.length, importedAtMillis);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.events).toEqual(events);
    expect(parsed.value.settings.leechLapses).toBe(defaultSettings.leechLapses);
  });

  it('carries card actions and notes both ways', () => {
    const term = cardId('css/box-model:term');
    const actions: ProgressEvent[] = [
      { kind: 'suspend', id: 'a1', cardId: term, atMillis: t0 + 1 },
      { kind: 'bury', id: 'a2', cardId: term, atMillis: t0 + 2, untilMillis: t0 + 3_600_000 },
      { kind: 'flag', id: 'a3', cardId: term, atMillis: t0 + 3, flag: 2 },
      { kind: 'known', id: 'a4', cardId: term, atMillis: t0 + 4 },
      { kind: 'reset', id: 'a5', cardId: term, atMillis: t0 + 5 },
      {
        kind: 'note',
        id: 'n1',
        cardId: noteOwnerId(topicId('css/box-model')),
        topicId: topicId('css/box-model'),
        text: 'Padding is inside the border.',
        atMillis: t0 + 6,
      },
    ];
    const text = JSON.stringify(createBackup({ ...backup, events: actions }));
    const parsed = parseBackup(text, text.length, importedAtMillis);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.events).toEqual(actions);
  });

  it('reads back what createBackup wrote, unchanged', () => {
    const text = JSON.stringify(backup);
    expect(parseBackup(text, text.length, importedAtMillis)).toEqual({ ok: true, value: backup });
  });

  it('drops fields the contract does not know', () => {
    const text = fileWith({
      extra: 1,
      events: [{ ...events[0], html: '<b>' }],
      decks: [{ ...decks[0], owner: 'x' }],
    });
    const parsed = parseBackup(text, text.length, importedAtMillis);
    expect(parsed.ok && parsed.value).toEqual({ ...backup, events: [events[0]], decks });
  });

  it('refuses a file larger than the limit before reading it', () => {
    expect(errorOf(JSON.stringify(backup), maxBackupBytes + 1)).toBe(
      'it is too large: 257 MB, more than the 256 MB a backup may hold',
    );
  });

  it('refuses text that is not JSON, and truncated JSON', () => {
    const notJson = 'Dear diary, today I studied asyncio.';
    expect(errorOf(notJson)).toBe('it is not valid JSON — it may be truncated');
    const full = JSON.stringify(backup);
    expect(errorOf(full.slice(0, full.length / 2))).toBe(
      'it is not valid JSON — it may be truncated',
    );
    expect(errorOf('')).toBe('it is empty');
  });

  it('refuses another format, and JSON that is no object', () => {
    expect(errorOf(fileWith({ format: 'anki-export' }))).toBe(
      'it is not a Recallmap backup: its format is "anki-export", not "recallmap-backup"',
    );
    expect(errorOf(JSON.stringify({ decks: [] }))).toBe(
      'it is not a Recallmap backup: its format is missing, not "recallmap-backup"',
    );
    expect(errorOf('[1, 2]')).toBe('it is not a Recallmap backup: it holds no object');
  });

  it('refuses a newer version, and a version that is no version', () => {
    expect(errorOf(fileWith({ version: 3 }))).toBe(
      'it is version 3, written by a newer Recallmap; this one reads version 2. Update Recallmap, then import it again',
    );
    expect(errorOf(fileWith({ version: '1' }))).toBe('its version "1" is not a whole number ≥ 1');
    expect(errorOf(fileWith({ version: 0 }))).toBe('its version 0 is not a whole number ≥ 1');
  });

  it('names the event that is wrong and what is wrong with it', () => {
    const bad = (change: Record<string, unknown>) =>
      fileWith({ events: [events[0], events[1], { ...events[0], id: 'e3', ...change }] });
    expect(errorOf(bad({ rating: 7 }))).toBe('event 3: rating is 7, not one of 1, 2, 3, 4');
    expect(errorOf(bad({ cardId: 42 }))).toBe('event 3: cardId is 42, not a text');
    expect(errorOf(bad({ reviewedAtMillis: 'yesterday' }))).toBe(
      'event 3: reviewedAtMillis is "yesterday", not a finite number',
    );
    expect(errorOf(bad({ kind: 'delete' }))).toBe(
      'event 3: kind is "delete", not one of review, undo, note, suspend, unsuspend, bury, flag, reset, known',
    );
    expect(errorOf(fileWith({ events: [events[0], null] }))).toBe(
      'event 2: Event is not an object',
    );
    expect(errorOf(fileWith({ events: { e1: events[0] } }))).toBe(
      'its "events" field is not a list',
    );
  });

  it('refuses an event time outside 2000 to a day after the import, naming the event and value', () => {
    const at = (reviewedAtMillis: unknown) =>
      fileWith({ events: [events[0], { ...events[1], reviewedAtMillis }] });
    const refused = (value: unknown) =>
      new RegExp(`^event 2 \\(id e2\\): reviewedAtMillis is ${value}, outside `);
    expect(errorOf(at(1e300))).toMatch(refused('1e\\+300'));
    expect(errorOf(at(8.64e15))).toMatch(refused('8640000000000000'));
    expect(errorOf(at(-8.64e15))).toMatch(refused('-8640000000000000'));
    expect(errorOf(at(Date.UTC(2100, 0, 1)))).toMatch(refused('4102444800000'));
    expect(errorOf(at(-1))).toMatch(refused('-1'));
    // JSON.parse reads 1e400 as Infinity; the message must not call it null.
    const infinite = at(0).replace('"reviewedAtMillis":0', '"reviewedAtMillis":1e400');
    expect(errorOf(infinite)).toBe('event 2: reviewedAtMillis is Infinity, not a finite number');
    expect(errorOf(at(importedAtMillis + 24 * 60 * 60 * 1000 + 1))).toMatch(/^event 2 \(id e2\)/);
    expect(parseBackup(at(importedAtMillis + 24 * 60 * 60 * 1000), 1, importedAtMillis).ok).toBe(
      true,
    );
  });

  it('refuses one event id given to two cards', () => {
    const text = fileWith({ events: [events[0], { ...events[0], cardId: 'other/topic:term' }] });
    expect(errorOf(text)).toMatch(/^event 2 \(id e1\) reuses the id of event 1/);
  });

  it('names what is wrong with the settings', () => {
    expect(errorOf(fileWith({ settings: { ...defaultSettings, desiredRetention: 0.2 } }))).toBe(
      'its settings are invalid: desiredRetention 0.2 is outside 0.7-0.97',
    );
    expect(errorOf(fileWith({ settings: { ...defaultSettings, dayStartHour: 25 } }))).toBe(
      'its settings are invalid: dayStartHour 25 is not 0-23',
    );
    expect(errorOf(fileWith({ settings: undefined }))).toBe(
      'its settings are invalid: Settings is not an object',
    );
  });

  it('names the deck that is wrong and what is wrong with it', () => {
    const deck = decks[0];
    expect(errorOf(fileWith({ decks: [deck, { ...deck, layout: 'zip' }] }))).toBe(
      'deck 2 (my-notes.md) layout is "zip", not one of single-file, topic-folder',
    );
    expect(errorOf(fileWith({ decks: [{ ...deck, path: '' }] }))).toBe('deck 1 has no path');
    expect(errorOf(fileWith({ decks: [{ ...deck, files: [{ path: 'a.md', content: 3 }] }] }))).toBe(
      'deck 1 (my-notes.md) file a.md has no text content',
    );
    expect(errorOf(fileWith({ decks: [{ ...deck, files: [] }] }))).toBe(
      'deck 1 (my-notes.md) has no files',
    );
    expect(errorOf(fileWith({ decks: ['my-notes.md'] }))).toBe('deck 1 is not an object');
    expect(errorOf(fileWith({ decks: undefined }))).toBe('it has no "decks" list');
  });

  it('refuses a file without its time or app version', () => {
    expect(errorOf(fileWith({ exportedAtMillis: null }))).toBe(
      'its exportedAtMillis is null, not a time',
    );
    expect(errorOf(fileWith({ appVersion: 1 }))).toBe('its appVersion is 1, not a text');
  });

  it('accepts an empty backup: no decks, no events', () => {
    const empty: Backup = { ...backup, decks: [], events: [] };
    const text = JSON.stringify(empty);
    expect(parseBackup(text, text.length, importedAtMillis)).toEqual({ ok: true, value: empty });
  });
});
