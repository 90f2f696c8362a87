// The part of PouchDB's API that sync uses, typed here rather than through @types/pouchdb-*,
// which describe every adapter and plugin.

declare module 'pouchdb-core' {
  interface RemoteDatabase {
    info(): Promise<{ doc_count: number }>;
    revsDiff(asked: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
    bulkDocs(
      documents: readonly object[],
      options: { new_edits: false },
    ): Promise<readonly { error?: string; reason?: string; id?: string }[]>;
    changes(options: { since: string; limit: number; include_docs: true }): Promise<{
      results: readonly { doc?: unknown }[];
      last_seq: string | number;
    }>;
    get(id: string): Promise<Record<string, unknown> & { _rev: string }>;
    put(document: object): Promise<unknown>;
  }
  interface PouchDBConstructor {
    new (
      name: string,
      options: { adapter: 'http'; auth: { username: string; password: string } },
    ): RemoteDatabase;
    plugin(plugin: unknown): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
