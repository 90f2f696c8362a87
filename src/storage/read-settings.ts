import { defaultSettings, type Settings } from '../domain/progress';
import { parseSettings } from '../domain/validation/settings';
import type { TransactionScope } from './idb-transaction';
import { settingsKey } from './store-keys';

/** Reads settings: defaults when none were saved, and when the saved ones are corrupt (set aside). */
export function readSettings<T>(
  scope: TransactionScope<T>,
  next: (settings: Settings) => void,
): void {
  const request = scope.store.get(settingsKey);
  scope.afterAll([request], () => {
    next(
      scope.quarantine.validOrSetAside(settingsKey, request.result, parseSettings) ??
        defaultSettings,
    );
  });
}
