import { databaseMissing } from './database-missing';

// Apart from the repository: start-up asks this of every browser, and opens the repository, a
// chunk of its own, only where imported decks were ever stored.

export const importedDecksDatabaseName = 'recallmap-decks';

/** True when this browser never stored an imported deck here; see `databaseMissing`. */
export function importedDecksMissing(): Promise<boolean> {
  return databaseMissing(importedDecksDatabaseName);
}
