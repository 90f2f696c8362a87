/** Where this browser syncs: a CouchDB server, one database on it, and the user to sign in as. */
export interface SyncTarget {
  /** `https://…`, or `http://` for 127.0.0.1 and localhost only. */
  readonly serverUrl: string;
  readonly database: string;
  readonly userName: string;
}

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why the URL cannot be a sync server's, in plain words; undefined when it can. */
export function serverUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter the server’s address, starting with https://';
  }
  if (url.username || url.password) {
    return 'Leave the user name and password out of the address: they have fields of their own';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return localHosts.has(url.hostname)
      ? undefined
      : 'Use https://: only a server on this computer (127.0.0.1 or localhost) may use http://';
  }
  return 'The address must start with https://';
}

/** Why the name cannot be a CouchDB database's; undefined when it can. */
export function databaseNameProblem(name: string): string | undefined {
  return /^[a-z][a-z0-9_$()+/-]*$/.test(name)
    ? undefined
    : 'A database name starts with a lowercase letter, then lowercase letters, digits or _ $ ( ) + - /';
}

/** The key under which a target's checkpoints are kept: another server or database starts over. */
export function targetKey(target: SyncTarget): string {
  return `${target.serverUrl.replace(/\/+$/, '')}/${target.database}#${target.userName}`;
}
