import type { Settings } from '../domain/progress';

/**
 * Of two devices' settings, the ones changed last; the first on a tie, and settings never
 * changed lose to any change.
 */
export function newerSettings(first: Settings, second: Settings): Settings {
  return (second.changedAtMillis ?? -1) > (first.changedAtMillis ?? -1) ? second : first;
}
