import HttpAdapter from 'pouchdb-adapter-http';
import PouchDB from 'pouchdb-core';
import type { SyncTarget } from './sync-target';

// PouchDB's core with only its HTTP adapter: CouchDB's protocol (auth, database creation, the
// changes feed, bulk writes that keep a document's revision, revision diffs) without a second,
// local PouchDB copy of the log. The browser keeps one copy: the app's own.
PouchDB.plugin(HttpAdapter);

/** A changed document as the changes feed gives it, with its sequence to resume after. */
interface ChangesPage {
  readonly documents: readonly unknown[];
  readonly lastSequence: string;
  /** Whether the feed has more after this page. */
  readonly more: boolean;
}

/** What sync asks of the server. */
export interface SyncRemote {
  /**
   * Checks the server and the database, creating the database when missing (if the user may);
   * resolves to how many documents it holds.
   */
  open(): Promise<{ readonly documentCount: number }>;
  /** Of these ids and revisions, the ids the server lacks. */
  missing(revisions: ReadonlyMap<string, string>): Promise<Set<string>>;
  /** Writes documents with the revisions they carry, as replication does: never a conflict. */
  writeReplicated(documents: readonly object[]): Promise<void>;
  /** Up to `limit` changed documents after `since`. */
  changes(since: string, limit: number): Promise<ChangesPage>;
  /** A document with its revision, or undefined when the server has none by that id. */
  read(id: string): Promise<(Record<string, unknown> & { _rev: string }) | undefined>;
  /** Writes a document over the revision it carries; rejects with status 409 on a newer one. */
  write(document: object): Promise<void>;
}

function databaseUrl(target: SyncTarget): string {
  return `${target.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(target.database)}`;
}

export function openCouchRemote(target: SyncTarget, password: string): SyncRemote {
  const database = new PouchDB(databaseUrl(target), {
    adapter: 'http',
    auth: { username: target.userName, password },
  });
  return {
    async open() {
      return { documentCount: (await database.info()).doc_count };
    },
    async missing(revisions) {
      const asked: Record<string, string[]> = {};
      for (const [id, rev] of revisions) asked[id] = [rev];
      const answer = await database.revsDiff(asked);
      return new Set(Object.keys(answer));
    },
    async writeReplicated(documents) {
      const results = await database.bulkDocs(documents, {
        new_edits: false,
      });
      const failed = results.find((result) => result.error !== undefined);
      if (failed) throw failed;
    },
    async changes(since, limit) {
      const page = await database.changes({
        since,
        limit,
        include_docs: true,
      });
      return {
        documents: page.results.map((change) => change.doc),
        lastSequence: String(page.last_seq),
        more: page.results.length === limit,
      };
    },
    async read(id) {
      try {
        return await database.get(id);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
    async write(document) {
      await database.put(document);
    },
  };
}
