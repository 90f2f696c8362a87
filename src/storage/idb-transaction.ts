import type { UseStore } from 'idb-keyval';
import { Quarantine } from './quarantine';

/** A storage operation that failed; its message says which operation and why. */
export class ProgressStoreError extends Error {
  override name = 'ProgressStoreError';
}

export interface TransactionScope<T> {
  readonly store: IDBObjectStore;
  /** Where this transaction sets aside the records that fail validation. */
  readonly quarantine: Quarantine;
  /**
   * Runs `next` once every request has succeeded. Work between requests stays synchronous inside
   * these callbacks: awaiting any other promise would let IndexedDB commit the transaction early.
   */
  afterAll(requests: readonly IDBRequest[], next: () => void): void;
  /** The value the transaction's promise resolves to, once everything is committed. */
  finish(result: T): void;
  /** Aborts: nothing the transaction wrote survives, and the promise rejects with `error`. */
  fail(error: unknown): void;
  /**
   * Aborts, so nothing the transaction wrote survives, and resolves with `result`: for an outcome
   * that is no failure, such as a transaction that must run again once the scheduler has loaded.
   */
  abandon(result: T): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (error === null || error === undefined) return 'the transaction was aborted';
  return String(error);
}

/**
 * One transaction on the store, driven by request callbacks. Resolves when IndexedDB reports it
 * complete (the data is then committed), rejects with a `ProgressStoreError` naming `action`
 * when opening, any request, quota or the code in between fails.
 */
export function runTransaction<T>(
  withStore: UseStore,
  mode: IDBTransactionMode,
  action: string,
  body: (scope: TransactionScope<T>) => void,
): Promise<T> {
  const failure = (error: unknown) =>
    error instanceof ProgressStoreError
      ? error
      : new ProgressStoreError(`${action} failed: ${describe(error)}`, { cause: error });

  const run = withStore(
    mode,
    (store) =>
      new Promise<T>((resolve, reject) => {
        const transaction = store.transaction;
        let finished = false;
        let abandoned = false;
        let result: T | undefined;
        let cause: unknown;

        const fail = (error: unknown) => {
          cause ??= error;
          try {
            transaction.abort();
          } catch {
            // Already finished or aborting: onabort reports it.
          }
        };
        const guarded = (step: () => void) => () => {
          try {
            step();
          } catch (error) {
            fail(error);
          }
        };

        transaction.oncomplete = () => {
          if (finished) resolve(result as T);
          else reject(failure(new Error('the transaction ended without a result')));
        };
        transaction.onabort = () => {
          if (abandoned) resolve(result as T);
          else reject(failure(cause ?? transaction.error));
        };

        const scope: TransactionScope<T> = {
          store,
          quarantine: new Quarantine(store),
          afterAll(requests, next) {
            // A request issued earlier may have succeeded already: its result is there to read.
            const waiting = requests.filter((request) => request.readyState !== 'done');
            let pending = waiting.length;
            if (pending === 0) {
              guarded(next)();
              return;
            }
            const onSuccess = guarded(() => {
              pending -= 1;
              if (pending === 0) next();
            });
            for (const request of waiting) request.addEventListener('success', onSuccess);
          },
          finish(value) {
            finished = true;
            result = value;
          },
          fail,
          abandon(value) {
            abandoned = true;
            result = value;
            fail(undefined);
          },
        };
        guarded(() => body(scope))();
      }),
  );
  return run.catch((error: unknown) => {
    throw failure(error);
  });
}
