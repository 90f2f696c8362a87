import { defaultSettings, type Settings } from '../domain/progress';
import { parseSettings } from '../domain/validation/settings';
import type { TransactionScope } from './idb-transaction';
import { settingsKey } from './store-keys';

/**
 * Reads settings: defaults when none were saved, and when the saved ones are corrupt (set aside).
 * `request` is the read when the caller asked for it earlier, ahead of other requests.
 */
export function readSettings<T>(
  scope: TransactionScope<T>,
  next: (settings: Settings) => void,
  request: IDBRequest = scope.store.get(settingsKey),
): void {
  scope.afterAll([request], () => {
    next(
      scope.quarantine.validOrSetAside(settingsKey, request.result, parseSettings) ??
        defaultSettings,
    );
  });
}
