import type { SyncTarget } from './sync-target';

/**
 * Where localStorage keeps the target. stores/sync-loader reads the same key by itself: importing it from
 * there would make the build split the first screen's chunk.
 */
const syncTargetKey = 'recallmap-sync-target';

// Where this browser syncs, kept in localStorage: read at start-up without opening a database,
// so a browser that never set sync up loads none of its code. It holds no password.

export function readSyncTarget(): SyncTarget | undefined {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(syncTargetKey) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { serverUrl, database, userName } = value as Record<string, unknown>;
    if (typeof serverUrl !== 'string' || typeof database !== 'string') return undefined;
    if (typeof userName !== 'string') return undefined;
    return { serverUrl, database, userName };
  } catch {
    return undefined;
  }
}

export function writeSyncTarget(target: SyncTarget | undefined): void {
  if (target === undefined) globalThis.localStorage?.removeItem(syncTargetKey);
  else globalThis.localStorage?.setItem(syncTargetKey, JSON.stringify(target));
}
