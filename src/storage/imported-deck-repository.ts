import { del, entries, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import type { DeckSource, SourceFile } from '../domain/compile';
import { isObject, isText, type Parsed } from '../domain/validation/parsed';
import { importedDecksDatabaseName } from './imported-decks-missing';
import { createUpgradingStore } from './upgrading-keyval-store';

/**
 * A deck the learner imported, kept as its source text rather than as compiled JSON: a newer
 * compiler rebuilds it with the same ids, so its progress carries over and it gains every fix.
 */
export interface ImportedDeckRecord {
  readonly deckId: string;
  readonly source: DeckSource;
  readonly importedAtMillis: number;
}

export interface ImportedDeckRepository {
  /** Every readable record, oldest import first; unreadable ones are skipped and reported. */
  list(): Promise<ImportedDeckRecord[]>;
  /** Adds or replaces records by deck id, all in one transaction. */
  put(records: readonly ImportedDeckRecord[]): Promise<void>;
  remove(deckId: string): Promise<void>;
}

const importedDecksStoreName = 'decks';

export interface OpenImportedDecksOptions {
  /** Opens the idb-keyval store; replaced in tests to use another database or make it fail. */
  readonly openStore?: () => UseStore;
  /** Told of each stored record that fails validation. It is left where it is, never deleted. */
  readonly onUnreadable?: (deckId: string, reason: string) => void;
  /** Told why, when imported decks can only be kept in memory: the learner must hear of it. */
  readonly onNotKept?: (reason: string) => void;
}

/**
 * IndexedDB when it opens, else memory: a private window that refuses IndexedDB still imports
 * decks, for as long as the tab lives, and `onNotKept` says so. A database that lacks its store
 * gets it back by a version upgrade.
 */
export async function openImportedDeckRepository(
  options: OpenImportedDecksOptions = {},
): Promise<ImportedDeckRepository> {
  const onUnreadable =
    options.onUnreadable ??
    ((deckId: string, reason: string) =>
      console.warn(`Imported deck ${deckId} could not be read: ${reason}`));
  const inMemory = (reason: string) => {
    options.onNotKept?.(reason);
    return new InMemoryImportedDeckRepository();
  };
  if (!options.openStore && typeof indexedDB === 'undefined') {
    return inMemory('this browser offers no IndexedDB');
  }
  try {
    const openStore =
      options.openStore ??
      (() => createUpgradingStore(importedDecksDatabaseName, importedDecksStoreName));
    const store = openStore();
    // The store opens lazily: one small request tells now whether the database works at all.
    await store('readonly', (objectStore) => promisifyRequest(objectStore.count()));
    return new IdbImportedDeckRepository(store, onUnreadable);
  } catch (error) {
    return inMemory(
      `the deck database could not be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

class IdbImportedDeckRepository implements ImportedDeckRepository {
  private readonly store: UseStore;
  private readonly onUnreadable: (deckId: string, reason: string) => void;

  constructor(store: UseStore, onUnreadable: (deckId: string, reason: string) => void) {
    this.store = store;
    this.onUnreadable = onUnreadable;
  }

  async list(): Promise<ImportedDeckRecord[]> {
    const records: ImportedDeckRecord[] = [];
    for (const [key, value] of await entries<IDBValidKey, unknown>(this.store)) {
      const parsed = parseImportedDeckRecord(value, key);
      if (parsed.ok) records.push(parsed.value);
      else this.onUnreadable(String(key), parsed.reason);
    }
    return sortedByImport(records);
  }

  async put(records: readonly ImportedDeckRecord[]): Promise<void> {
    const valid = records.map(requireRecord);
    await setMany(
      valid.map((record) => [record.deckId, record]),
      this.store,
    );
  }

  remove(deckId: string): Promise<void> {
    return del(deckId, this.store);
  }
}

class InMemoryImportedDeckRepository implements ImportedDeckRepository {
  private readonly records = new Map<string, ImportedDeckRecord>();

  async list(): Promise<ImportedDeckRecord[]> {
    return sortedByImport([...this.records.values()]);
  }

  async put(records: readonly ImportedDeckRecord[]): Promise<void> {
    // Validated before any is kept, like the single IndexedDB transaction: all or nothing.
    const valid = records.map(requireRecord);
    for (const record of valid) this.records.set(record.deckId, record);
  }

  async remove(deckId: string): Promise<void> {
    this.records.delete(deckId);
  }
}

function sortedByImport(records: ImportedDeckRecord[]): ImportedDeckRecord[] {
  return records.sort(
    (a, b) =>
      a.importedAtMillis - b.importedAtMillis ||
      (a.deckId < b.deckId ? -1 : a.deckId > b.deckId ? 1 : 0),
  );
}

function requireRecord(value: ImportedDeckRecord): ImportedDeckRecord {
  const parsed = parseImportedDeckRecord(value, value.deckId);
  if (!parsed.ok) throw new Error(`Imported deck ${value.deckId} is not stored: ${parsed.reason}`);
  return parsed.value;
}

const layouts: readonly DeckSource['layout'][] = ['single-file', 'topic-folder'];

/**
 * Storage outlives code and can be edited by hand: a record is used only when every field has
 * the shape this code expects. Only known fields are copied, so nothing stray travels on.
 */
function parseImportedDeckRecord(value: unknown, key: IDBValidKey): Parsed<ImportedDeckRecord> {
  const fail = (reason: string): Parsed<ImportedDeckRecord> => ({ ok: false, reason });
  if (!isObject(value)) return fail('the record is not an object');
  const { deckId, source, importedAtMillis } = value;
  if (!isText(deckId)) return fail('deckId is not a text');
  if (deckId !== key) return fail(`deckId ${deckId} does not match its key ${String(key)}`);
  if (typeof importedAtMillis !== 'number' || !Number.isFinite(importedAtMillis)) {
    return fail('importedAtMillis is not a number');
  }
  if (!isObject(source)) return fail('source is not an object');
  if (!isText(source.path)) return fail('source.path is not a text');
  if (!layouts.includes(source.layout as DeckSource['layout'])) {
    return fail(`source.layout is not one of ${layouts.join(', ')}`);
  }
  if (!Array.isArray(source.files) || source.files.length === 0) {
    return fail('source.files is not a list of files');
  }
  const files: SourceFile[] = [];
  for (const [index, file] of (source.files as unknown[]).entries()) {
    if (!isObject(file) || !isText(file.path) || typeof file.content !== 'string') {
      return fail(`source file ${index + 1} has no path or no text`);
    }
    files.push({ path: file.path, content: file.content });
  }
  return {
    ok: true,
    value: {
      deckId,
      importedAtMillis,
      source: { path: source.path, layout: source.layout as DeckSource['layout'], files },
    },
  };
}
