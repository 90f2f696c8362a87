import type { DeckSource } from '../domain/compile';
import type { ProgressEvent, Settings } from '../domain/progress';
import { hashString } from '../domain/string-hash';
import { parseArrivingEvents } from '../domain/validation/arrival-times';
import { parseDeckSource } from '../domain/validation/deck-source';
import { isObject, isText } from '../domain/validation/parsed';
import { parseSettings } from '../domain/validation/settings';

// What the CouchDB database holds, one document per thing that syncs:
// - each event, `_id` its event id: immutable, with a revision derived from the id alone, so that
//   two devices writing the same event write the same revision and replication never conflicts;
// - each imported deck's source, `_id` `deck:<deck id>`, the newest import winning;
// - the settings, `_id` `settings`, the newest change winning.
// Documents from the server are untrusted: each is read back through the checks a backup gets.

/** The id of the one settings document. */
export const settingsDocumentId = 'settings';
const deckDocumentPrefix = 'deck:';

interface CouchFields {
  readonly _id: string;
  readonly _rev?: string;
}

export interface EventDocument extends CouchFields {
  readonly _rev: string;
  readonly type: 'event';
  readonly event: ProgressEvent;
}

export interface DeckDocument extends CouchFields {
  readonly type: 'deck';
  readonly deckId: string;
  readonly importedAtMillis: number;
  readonly source: DeckSource;
}

export interface SettingsDocument extends CouchFields {
  readonly type: 'settings';
  readonly settings: Settings;
}

/** 32 hex digits from the text: what CouchDB expects after `1-` in a revision. */
function revisionHash(text: string): string {
  return [0, 1, 2, 3]
    .map((round) => hashString(`${round}:${text}`).toString(16).padStart(8, '0'))
    .join('');
}

/** An event's document, with the revision every device gives it. */
export function eventDocument(event: ProgressEvent): EventDocument {
  return { _id: event.id, _rev: `1-${revisionHash(event.id)}`, type: 'event', event };
}

export function deckDocumentId(deckId: string): string {
  return `${deckDocumentPrefix}${deckId}`;
}

export function deckDocument(
  deckId: string,
  source: DeckSource,
  importedAtMillis: number,
): DeckDocument {
  return { _id: deckDocumentId(deckId), type: 'deck', deckId, importedAtMillis, source };
}

export function settingsDocument(settings: Settings): SettingsDocument {
  return { _id: settingsDocumentId, type: 'settings', settings };
}

/** What one document from the server turned out to be, once checked. */
export type ArrivedDocument =
  | { readonly type: 'event'; readonly event: ProgressEvent }
  | {
      readonly type: 'deck';
      readonly deckId: string;
      readonly importedAtMillis: number;
      readonly source: DeckSource;
    }
  | { readonly type: 'settings'; readonly settings: Settings }
  /** A deleted document, a design document or a checkpoint: nothing of the app's. */
  | { readonly type: 'ignored' }
  | { readonly type: 'invalid'; readonly id: string; readonly reason: string };

/** Reads a document from the server, checking it as a backup's contents are checked. */
export function readArrivedDocument(value: unknown, arrivedAtMillis: number): ArrivedDocument {
  if (!isObject(value) || !isText(value._id)) {
    return { type: 'invalid', id: '?', reason: 'is not a document with an id' };
  }
  const id = value._id;
  const invalid = (reason: string): ArrivedDocument => ({ type: 'invalid', id, reason });
  if (value._deleted === true || id.startsWith('_')) return { type: 'ignored' };
  switch (value.type) {
    case 'event': {
      const parsed = parseArrivingEvents([value.event], arrivedAtMillis);
      if (!parsed.ok) return invalid(parsed.reason);
      const [event] = parsed.value;
      if (event === undefined || event.id !== id) return invalid('holds an event of another id');
      return { type: 'event', event };
    }
    case 'deck': {
      if (!isText(value.deckId) || deckDocumentId(value.deckId) !== id) {
        return invalid('names no deck, or another deck than its id');
      }
      const importedAtMillis = value.importedAtMillis;
      if (typeof importedAtMillis !== 'number' || !Number.isInteger(importedAtMillis)) {
        return invalid('has no import time');
      }
      const source = parseDeckSource(value.source);
      if (!source.ok) return invalid(`source ${source.reason}`);
      return { type: 'deck', deckId: value.deckId, importedAtMillis, source: source.value };
    }
    case 'settings': {
      if (id !== settingsDocumentId) return invalid('holds settings under another id');
      const settings = parseSettings(value.settings);
      return settings.ok
        ? { type: 'settings', settings: settings.value }
        : invalid(settings.reason);
    }
    default:
      return invalid(`has type ${JSON.stringify(value.type)}, which this version does not know`);
  }
}
