import { deckIdsOfSources } from '../../backup/backup-preview';
import type { BackupPorts } from '../../backup/backup-transfer';
import { summarizeDeck } from '../../compiler/summarize-deck';
import type { DeckSource } from '../../domain/compile';
import type { DeckSummary } from '../../domain/deck-summary';
import type { AppStore } from '../../stores/app-store';
import { compileDeckSources } from '../../stores/compile-deck-sources';

/** Export and import go through the app's store; `src/backup` itself depends on no store. */
export function appBackupPorts(store: AppStore): BackupPorts {
  const app = store.getState();
  // A preview asks for the backup's deck ids and card ids: its sources compile once for both.
  const compiled = new Map<readonly DeckSource[], ReturnType<typeof compileDeckSources>>();
  const compile = (sources: readonly DeckSource[]) => {
    // Compiled as importDeckSources will: bundled ids reserved, so the ids come out the same.
    const bundled = store
      .getState()
      .summaries.filter((summary) => !summary.imported)
      .map((summary) => summary.id);
    const result = compiled.get(sources) ?? compileDeckSources(sources, bundled);
    compiled.set(sources, result);
    return result;
  };
  return {
    currentSettings: () => store.getState().settings,
    allEvents: () => app.allEvents(),
    importedSources: () => app.importedSources(),
    async importedDeckIds() {
      await app.importedSources(); // waits until the catalog holds the stored imports
      const { summaries } = store.getState();
      return new Set(summaries.filter((summary) => summary.imported).map((summary) => summary.id));
    },
    async compiledDeckIds(sources) {
      const { decks } = await compile(sources);
      return deckIdsOfSources(decks, sources);
    },
    async deckCardIds(sources) {
      const [summaries, { decks }] = await Promise.all([app.loadSummaries(), compile(sources)]);
      const cardIdsOf = (summary: DeckSummary) => summary.topicCardIds.flat();
      return new Set([
        ...summaries.flatMap(cardIdsOf),
        ...decks.flatMap((deck) => cardIdsOf(summarizeDeck(deck))),
      ]);
    },
    importDeckSources: (sources) => app.importDeckSources(sources),
    importProgress: (settings, events) => app.importProgress(settings, events),
  };
}
