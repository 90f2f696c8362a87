import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

/**
 * A CouchDB-compatible server for tests, the bench and a learner's first try of sync: express-pouchdb
 * over in-memory PouchDB 7, behind the CORS and basic authentication of a CouchDB 3 configured as
 * `data/couchdb/recallmap.ini` configures one. It listens on 127.0.0.1 only, and each server starts
 * empty and forgets everything when stopped.
 */
export interface CouchServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  /** Stops listening, closes every open connection and drops the server's databases. */
  stop(): Promise<void>;
  /** The documents in `database` (deleted ones and local ones apart), read from the server side. */
  documentCount(database: string): Promise<number>;
}

interface CouchServerOptions {
  /** Name → password. Without it every request is let in, as in CouchDB's "admin party". */
  readonly users?: Readonly<Record<string, string>>;
  /** 0, the default, picks a free port. */
  readonly port?: number;
}

const host = '127.0.0.1';

const corsMethods = 'GET, PUT, POST, HEAD, DELETE';
const corsAllowedHeaders = 'Accept, Authorization, Content-Type, Origin, Referer';
const corsExposedHeaders = 'Content-Type, ETag, Server, Cache-Control';

PouchDB.plugin(memoryAdapter);

/**
 * A PouchDB constructor whose databases belong to one server: their own name prefix in the memory
 * adapter, their own list of databases, and their own events. PouchDB 7 hands every constructor,
 * `defaults()` ones included, the same event emitter, and the plugin express-pouchdb would install
 * for `allDbs()` listens there: a database created on one server would show up on every other.
 */
function isolatedPouchDB() {
  const Pouch = PouchDB.defaults({ adapter: 'memory', prefix: `recallmap-couch-${randomUUID()}-` });
  const events = new EventEmitter();
  for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
    const method: unknown = Reflect.get(events, key);
    if (key !== 'constructor' && typeof method === 'function') Pouch[key] = method.bind(events);
  }
  const names = new Set<string>();
  // express-pouchdb creates a database with PouchDB.new() (PUT /db) and lists them with allDbs().
  Pouch.new = (name: string, options?: Record<string, unknown>) => {
    const database = new Pouch(name, options);
    names.add(name);
    return database;
  };
  Pouch.allDbs = (callback?: (error: null, names: string[]) => void) => {
    const list = [...names].sort();
    if (callback) queueMicrotask(() => callback(null, list));
    return Promise.resolve(list);
  };
  // A destroyed database tells its constructor, now `events`: DELETE /db, and stop() below.
  events.on('destroyed', (name: string) => names.delete(name));
  return { Pouch, names };
}

function sameText(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function basicCredentials(header: string): { name: string; password: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Why a request may not pass, in CouchDB 3's words, or undefined when it may. CouchDB answers a
 * request without credentials "Authentication required." and wrong ones "Name or password is
 * incorrect.", both 401 with error "unauthorized".
 */
function refusal(
  request: IncomingMessage,
  users: Readonly<Record<string, string>>,
): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return 'Authentication required.';
  const credentials = basicCredentials(header);
  const password = credentials && Object.hasOwn(users, credentials.name) && users[credentials.name];
  if (credentials && typeof password === 'string' && sameText(credentials.password, password)) {
    return undefined;
  }
  return 'Name or password is incorrect.';
}

function sendUnauthorized(response: ServerResponse, reason: string): void {
  // No WWW-Authenticate: a browser would answer it with a login dialog of its own.
  response.writeHead(401, {
    'Content-Type': 'application/json',
    'Cache-Control': 'must-revalidate',
  });
  response.end(`${JSON.stringify({ error: 'unauthorized', reason })}\n`);
}

/** CORS as a CouchDB with enable_cors answers it: the request's origin reflected, credentials on. */
function setCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Vary', 'Origin');
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', corsMethods);
    response.setHeader('Access-Control-Allow-Headers', corsAllowedHeaders);
  } else {
    response.setHeader('Access-Control-Expose-Headers', corsExposedHeaders);
  }
}

function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, not ${port}`);
  }
  return port;
}

export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  const port = checkedPort(options.port ?? 0);
  const users = options.users;
  const { Pouch, names } = isolatedPouchDB();
  // 'minimumForPouchDB' leaves out the config and log parts, the ones that would write config.json
  // and log.txt in the working directory; inMemoryConfig keeps them in memory should they come in.
  const app = expressPouchDB({ mode: 'minimumForPouchDB', inMemoryConfig: true });
  await app.setPouchDB(Pouch);

  const server = createServer((request, response) => {
    setCorsHeaders(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const reason = users && refusal(request, users);
    if (reason !== undefined) {
      sendUnauthorized(response, reason);
      return;
    }
    app(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string' || address.address !== host) {
    server.close();
    throw new Error(`the test CouchDB must listen on ${host} only, not ${JSON.stringify(address)}`);
  }
  const url = `http://${host}:${address.port}`;

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    // The memory adapter keeps every database for the life of the process unless it is destroyed.
    for (const name of [...names]) await new Pouch(name).destroy();
  };

  return {
    url,
    stop() {
      stopping ??= stop();
      return stopping;
    },
    async documentCount(database) {
      if (!names.has(database)) throw new Error(`${url} has no database named ${database}`);
      const info = await new Pouch(database).info();
      return info.doc_count;
    },
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 5984);
  const name = process.env.COUCH_USER || 'learner';
  const password = process.env.COUCH_PASSWORD || 'learner';
  let server: CouchServer;
  try {
    server = await startCouchServer({ users: { [name]: password }, port });
  } catch (error) {
    const message =
      error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
        ? `port ${port} is taken on ${host}: stop what serves there, or pick another, as in PORT=5985`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`couch-server: ${message}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `${server.url}\n` +
      `A CouchDB-compatible server for trying sync, user name "${name}"` +
      `${password === 'learner' ? ', password "learner"' : ''}.\n` +
      'It keeps everything in memory and forgets it when stopped. Ctrl+C stops it.\n',
  );
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
