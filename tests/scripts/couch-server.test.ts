import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouchServer } from '../../scripts/sync/couch-server';

const appOrigin = 'http://127.0.0.1:4173';
const rev = (n: number) => `1-${n.toString(16).padStart(32, '0')}`;
const basic = (name: string, password: string) =>
  `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const learner = { Authorization: basic('learner', 'correct horse') };

interface ChangesPage {
  results: { id: string; seq: number | string; doc?: { _id: string; _rev: string; n: number } }[];
  last_seq: number | string;
}

/** Why fetch failed at the socket level: ECONNREFUSED, ECONNRESET… */
async function connectionError(request: Promise<unknown>): Promise<string | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return cause?.code ?? String(error);
  }
}

describe('the test CouchDB server', () => {
  let server: CouchServer;

  beforeAll(async () => {
    server = await startCouchServer({ users: { learner: 'correct horse' } });
  });
  afterAll(() => server.stop());

  it('listens on 127.0.0.1, on a free port, its url without a trailing slash', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe('http://127.0.0.1:0');
  });

  it('refuses a wrong password or an unknown user as CouchDB does, with no login dialog', async () => {
    for (const authorization of [basic('learner', 'wrong'), basic('someone', 'correct horse')]) {
      const response = await fetch(`${server.url}/_all_dbs`, {
        headers: { Authorization: authorization },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.has('www-authenticate')).toBe(false);
      expect(await response.json()).toEqual({
        error: 'unauthorized',
        reason: 'Name or password is incorrect.',
      });
    }
  });

  it('refuses a request without credentials as CouchDB does, with no login dialog', async () => {
    const response = await fetch(`${server.url}/recallmap`, { method: 'PUT' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.has('www-authenticate')).toBe(false);
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      reason: 'Authentication required.',
    });
    // The refused PUT created nothing.
    expect((await fetch(`${server.url}/recallmap`, { headers: learner })).status).toBe(404);
  });

  it('answers a preflight from the app with 204 and the CORS headers, before asking for a password', async () => {
    const response = await fetch(`${server.url}/recallmap/_bulk_docs`, {
      method: 'OPTIONS',
      headers: {
        Origin: appOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'GET, PUT, POST, HEAD, DELETE',
    );
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Accept, Authorization, Content-Type, Origin, Referer',
    );
  });

  it('reflects the origin on answers too, a refusal included, and exposes their headers', async () => {
    for (const headers of [{}, learner]) {
      const response = await fetch(`${server.url}/_all_dbs`, {
        headers: { ...headers, Origin: 'http://localhost:4173' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-expose-headers')).toBe(
        'Content-Type, ETag, Server, Cache-Control',
      );
    }
  });

  it('with the right password creates a database, takes replicated revisions and pages them out of _changes', async () => {
    const json = { ...learner, 'Content-Type': 'application/json' };
    const created = await fetch(`${server.url}/decks`, { method: 'PUT', headers: learner });
    expect(created.status).toBe(201);
    expect((await fetch(`${server.url}/decks`, { method: 'PUT', headers: learner })).status).toBe(
      412,
    );

    const docs = [0, 1, 2, 3, 4].map((n) => ({ _id: `review-${n}`, _rev: rev(n + 1), n }));
    const written = await fetch(`${server.url}/decks/_bulk_docs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ docs, new_edits: false }),
    });
    expect(written.status).toBe(201);

    const seen: { _id: string; _rev: string; n: number }[] = [];
    let since: number | string = 0;
    for (let page = 0; page < 5; page++) {
      const response = await fetch(
        `${server.url}/decks/_changes?include_docs=true&limit=2&since=${encodeURIComponent(since)}`,
        { headers: learner },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as ChangesPage;
      if (body.results.length === 0) break;
      expect(body.results.length).toBeLessThanOrEqual(2);
      for (const change of body.results) if (change.doc) seen.push(change.doc);
      since = body.last_seq;
    }
    expect(seen.sort((a, b) => a.n - b.n)).toEqual(docs);
    expect(await server.documentCount('decks')).toBe(5);
  });

  it('serves PouchDB 7 as a replication peer: explicit revisions, paged changes, a 409 on a stale revision', async () => {
    const remote = new PouchDB(`${server.url}/recallmap-pouch`, {
      auth: { username: 'learner', password: 'correct horse' },
    });
    await remote.info(); // PouchDB creates the database with a PUT when it is missing
    const docs = Array.from({ length: 7 }, (_, n) => ({ _id: `event-${n}`, _rev: rev(n + 1), n }));
    await remote.bulkDocs(docs, { new_edits: false });

    const ids: string[] = [];
    let since: number | string = 0;
    for (;;) {
      const page = await remote.changes({ since, include_docs: true, limit: 3 });
      if (page.results.length === 0) break;
      for (const change of page.results) {
        expect(change.doc?._rev).toBe(docs.find((doc) => doc._id === change.id)?._rev);
        ids.push(change.id);
      }
      since = page.last_seq;
    }
    expect(ids.sort()).toEqual(docs.map((doc) => doc._id));

    const first = await remote.put({ _id: 'settings', theme: 'dark' });
    const current = await remote.get('settings');
    await remote.put({ ...current, theme: 'light' });
    expect((await remote.get('settings')).theme).toBe('light');
    await expect(
      remote.put({ _id: 'settings', _rev: first.rev, theme: 'stale' }),
    ).rejects.toMatchObject({ status: 409, name: 'conflict' });
    expect(await server.documentCount('recallmap-pouch')).toBe(8);
  });

  it('cannot count a database it does not hold', async () => {
    await expect(server.documentCount('nowhere')).rejects.toThrow(/no database named nowhere/);
  });
});

describe('separate test CouchDB servers', () => {
  it('do not share databases, even of the same name', async () => {
    const first = await startCouchServer();
    const second = await startCouchServer();
    try {
      expect(second.url).not.toBe(first.url);
      expect((await fetch(`${first.url}/recallmap`, { method: 'PUT' })).status).toBe(201);
      await fetch(`${first.url}/recallmap/card`, { method: 'PUT', body: '{"n":1}' });
      expect(await first.documentCount('recallmap')).toBe(1);

      expect(await (await fetch(`${second.url}/_all_dbs`)).json()).toEqual([]);
      expect((await fetch(`${second.url}/recallmap`)).status).toBe(404);
      expect((await fetch(`${second.url}/recallmap`, { method: 'PUT' })).status).toBe(201);
      expect(await second.documentCount('recallmap')).toBe(0);

      // A long poll on the first server's database waits for its next change, whatever the second
      // server does with a database of the same name meanwhile.
      const next = fetch(
        `${first.url}/recallmap/_changes?feed=longpoll&since=now&timeout=2000`,
      ).then((response) => response.json() as Promise<ChangesPage>);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await fetch(`${second.url}/recallmap`, { method: 'DELETE' })).status).toBe(200);
      expect(await (await fetch(`${second.url}/_all_dbs`)).json()).toEqual([]);
      expect((await fetch(`${second.url}/recallmap`)).status).toBe(404);
      expect((await fetch(`${second.url}/recallmap`, { method: 'PUT' })).status).toBe(201);

      await fetch(`${first.url}/recallmap/deck`, { method: 'PUT', body: '{"n":2}' });
      expect((await next).results.map((change) => change.id)).toEqual(['deck']);
      expect(await (await fetch(`${first.url}/_all_dbs`)).json()).toEqual(['recallmap']);
      expect(await first.documentCount('recallmap')).toBe(2);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('without users let every request in, as a CouchDB without admins does', async () => {
    const open = await startCouchServer();
    try {
      expect((await fetch(`${open.url}/_all_dbs`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});

describe('a stopped test CouchDB server', () => {
  it('refuses connections, drops the ones still open, and a new one starts empty', async () => {
    const server = await startCouchServer({ users: { learner: 'correct horse' } });
    await fetch(`${server.url}/recallmap`, { method: 'PUT', headers: learner });
    // A long poll of _changes holds its connection open until something changes.
    const waiting = connectionError(
      fetch(`${server.url}/recallmap/_changes?feed=longpoll&since=now&timeout=60000`, {
        headers: learner,
      }).then((response) => response.text()),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.stop();

    expect(await waiting).toMatch(/ECONNRESET|UND_ERR_SOCKET|terminated/);
    expect(await connectionError(fetch(`${server.url}/_all_dbs`, { headers: learner }))).toBe(
      'ECONNREFUSED',
    );
    await server.stop(); // a second stop is harmless
    await expect(server.documentCount('recallmap')).rejects.toThrow(/no database named/);

    const next = await startCouchServer({ users: { learner: 'correct horse' } });
    try {
      expect(await (await fetch(`${next.url}/_all_dbs`, { headers: learner })).json()).toEqual([]);
    } finally {
      await next.stop();
    }
  });

  it('takes no port but a valid one', async () => {
    await expect(startCouchServer({ port: 70000 })).rejects.toThrow(RangeError);
    await expect(startCouchServer({ port: 1.5 })).rejects.toThrow(RangeError);
  });
});
