import { createStore, del, get, set, type UseStore, update } from 'idb-keyval';
import type { ProgressEvent } from '../domain/progress';

// What sync remembers between runs, in a database of its own beside the progress store:
// - the outbox: events committed here since they last went up;
// - per target, how far the server's changes feed has been read, and whether every event of
//   the log has gone up once (a first sync, and again after a backup's import).
// Losing it costs time, never progress: the next run sends the whole log, which the server
// answers by revision ids alone, and reads its feed from the start.

interface TargetCheckpoint {
  /** The server's sequence after the last change merged here; '0' before the first. */
  readonly pulledThrough: string;
  /**
   * The whole log went up when the resend count was this; a larger count asks for it again. A
   * run saves the count it read before sending, so an import during the run is sent next time.
   */
  readonly wholeLogSentAt: number | undefined;
}

interface ReadCheckpoint extends TargetCheckpoint {
  readonly wholeLogSent: boolean;
  /** The resend count now: what a run that sends the whole log saves as `wholeLogSentAt`. */
  readonly resendCount: number;
}

export interface SyncJournal {
  outbox(): Promise<ProgressEvent[]>;
  record(events: readonly ProgressEvent[]): Promise<void>;
  /** Takes these events out of the outbox; others recorded meanwhile stay. */
  sent(eventIds: ReadonlySet<string>): Promise<void>;
  checkpoint(targetKey: string): Promise<ReadCheckpoint>;
  saveCheckpoint(targetKey: string, checkpoint: TargetCheckpoint): Promise<void>;
  /** Every target must send the whole log again: events arrived here outside commits. */
  resendWholeLog(): Promise<void>;
  forget(targetKey: string): Promise<void>;
}

const outboxKey = 'outbox';
const resendKey = 'resend-whole-log';

/** The database sync keeps its journal and the sealed password in. */
export function openSyncStore(): UseStore {
  return createStore('recallmap-sync', 'journal');
}

export function openSyncJournal(store: UseStore): SyncJournal {
  const checkpointKey = (targetKey: string) => `checkpoint:${targetKey}`;
  return {
    async outbox() {
      return (await get<ProgressEvent[]>(outboxKey, store)) ?? [];
    },
    record(events) {
      return update<ProgressEvent[]>(outboxKey, (old) => [...(old ?? []), ...events], store);
    },
    sent(eventIds) {
      return update<ProgressEvent[]>(
        outboxKey,
        (old) => (old ?? []).filter((event) => !eventIds.has(event.id)),
        store,
      );
    },
    async checkpoint(targetKey) {
      const [saved, resendCount = 0] = await Promise.all([
        get<TargetCheckpoint>(checkpointKey(targetKey), store),
        get<number>(resendKey, store),
      ]);
      const pulledThrough = saved?.pulledThrough ?? '0';
      const wholeLogSentAt = saved?.wholeLogSentAt;
      return {
        pulledThrough,
        wholeLogSentAt,
        wholeLogSent: wholeLogSentAt === resendCount,
        resendCount,
      };
    },
    saveCheckpoint(targetKey, checkpoint) {
      const { pulledThrough, wholeLogSentAt } = checkpoint;
      return set(checkpointKey(targetKey), { pulledThrough, wholeLogSentAt }, store);
    },
    resendWholeLog() {
      return update<number>(resendKey, (count) => (count ?? 0) + 1, store);
    },
    forget(targetKey) {
      return del(checkpointKey(targetKey), store);
    },
  };
}
