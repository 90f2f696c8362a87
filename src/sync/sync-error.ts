/** A failure as PouchDB reports it: CouchDB's status and reason, or none when no answer came. */
interface CouchFailure {
  readonly status?: number;
  readonly name?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** What went wrong with a sync, in words a learner can act on. */
export function describeSyncError(error: unknown): string {
  const failure: CouchFailure = typeof error === 'object' && error !== null ? error : {};
  const reason = failure.reason ?? failure.message ?? String(error);
  switch (failure.status) {
    case undefined:
    case 0:
      return 'The server could not be reached. Check its address and your connection: studying goes on here, and syncs when the server answers.';
    case 401:
      return /server admin/i.test(reason)
        ? 'The database does not exist on the server, and this user may not create it. Create it on the server, or check its name.'
        : 'The server refused the user name or password.';
    case 403:
      return 'This user may not read or write that database.';
    case 404:
      return 'The database does not exist on the server. Check its name.';
    case 413:
      return 'The server refused a document as too large.';
    case 507:
      return 'The server is out of space: its quota is full.';
    default:
      return /quota|space/i.test(reason)
        ? 'The server is out of space: its quota is full.'
        : `The server answered with an error (${failure.status}): ${reason}`;
  }
}
