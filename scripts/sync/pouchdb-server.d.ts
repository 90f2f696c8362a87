// The few parts of PouchDB 7, its memory adapter and express-pouchdb that the test CouchDB server
// and its tests use: none of the three ships type declarations.

declare module 'pouchdb' {
  interface DatabaseInfo {
    readonly db_name: string;
    readonly doc_count: number;
    readonly update_seq: number | string;
  }

  interface Document {
    readonly _id: string;
    readonly _rev?: string;
    readonly [field: string]: unknown;
  }

  interface Change {
    readonly id: string;
    readonly seq: number | string;
    readonly doc?: Document;
  }

  interface Database {
    info(): Promise<DatabaseInfo>;
    destroy(): Promise<unknown>;
    get(id: string): Promise<Document & { readonly _rev: string }>;
    put(doc: Document): Promise<{ readonly id: string; readonly rev: string }>;
    bulkDocs(
      docs: readonly Document[],
      options?: { readonly new_edits?: boolean },
    ): Promise<unknown[]>;
    changes(options: {
      readonly since?: number | string;
      readonly include_docs?: boolean;
      readonly limit?: number;
    }): Promise<{ readonly results: readonly Change[]; readonly last_seq: number | string }>;
  }

  interface Static {
    new (name: string, options?: Record<string, unknown>): Database;
    defaults(options: Record<string, unknown>): Static;
    plugin(plugin: unknown): Static;
    [key: string]: unknown;
  }

  const PouchDB: Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Options {
    readonly mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    readonly inMemoryConfig?: boolean;
    readonly configPath?: string;
    readonly logPath?: string;
  }

  interface App {
    (request: IncomingMessage, response: ServerResponse): void;
    /** Resolves once express-pouchdb has set its methods up on the PouchDB constructor. */
    setPouchDB(PouchDB: unknown): Promise<unknown>;
  }

  function expressPouchDB(options?: Options): App;
  export default expressPouchDB;
}
