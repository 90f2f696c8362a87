import type { DeckSource } from '../domain/compile';
import type { ProgressEvent, Settings } from '../domain/progress';

/** What confirming an import would change, shown before anything is touched. */
export interface BackupPreview {
  /** Reviews of the file the log lacks: what "Imported N reviews" will say. */
  readonly newReviews: number;
  /** Reviews of the file the log already holds. */
  readonly knownReviews: number;
  /**
   * New reviews of cards that no deck holds, the backup's included: kept (the deck may come back)
   * and counted in the total, though no deck shows them.
   */
  readonly newReviewsOfCardsInNoDeck: number;
  readonly newUndos: number;
  readonly decksAdded: number;
  readonly decksReplaced: number;
  readonly decksUnchanged: number;
  /** Decks of the backup without a usable topic: the import skips them, as it would a file. */
  readonly decksSkipped: number;
  readonly settingsDiffer: boolean;
}

/** Events are unique by id alone: the merge refuses a known id on another card. */
export const eventKey = (event: Pick<ProgressEvent, 'id'>) => event.id;

const settingsFields = [
  'desiredRetention',
  'dayStartHour',
  'newPerDay',
  'reviewsPerDay',
  'maxIntervalDays',
  'quizLength',
  'siblingsWait',
  'learnAheadMinutes',
  'masteryHorizonDays',
] as const satisfies readonly (keyof Settings)[];

function settingsDiffer(a: Settings, b: Settings): boolean {
  return settingsFields.some((field) => a[field] !== b[field]);
}

function sameSource(a: DeckSource, b: DeckSource): boolean {
  return (
    a.path === b.path &&
    a.layout === b.layout &&
    a.files.length === b.files.length &&
    a.files.every(
      (file, index) =>
        file.path === b.files[index]?.path && file.content === b.files[index]?.content,
    )
  );
}

export interface StoredProgress {
  /** `eventKey` of every stored event. */
  readonly eventKeys: ReadonlySet<string>;
  readonly settings: Settings;
  /** The imported decks' sources, to tell a deck the backup holds unchanged. */
  readonly deckSources: readonly DeckSource[];
  /** The imported decks' ids: a backup's deck that compiles to one of them replaces it. */
  readonly importedDeckIds: ReadonlySet<string>;
  /** The card ids of every deck there will be after the import: the app's and the backup's. */
  readonly deckCardIds: ReadonlySet<string>;
}

/**
 * The id each source compiles to, undefined for a source that yields no deck. The compiler keeps
 * the sources' order and names each deck's source by path, so a walk in step pairs them.
 */
export function deckIdsOfSources(
  decks: readonly { readonly id: string; readonly source: string }[],
  sources: readonly DeckSource[],
): (string | undefined)[] {
  const ids: (string | undefined)[] = sources.map(() => undefined);
  let next = 0;
  for (const deck of decks) {
    while (next < sources.length && sources[next]?.path !== deck.source) next++;
    if (next < sources.length) ids[next++] = deck.id;
  }
  return ids;
}

export function previewBackup(
  backup: {
    readonly events: readonly ProgressEvent[];
    readonly decks: readonly DeckSource[];
    readonly settings: Settings;
  },
  /** `deckIdsOfSources` of the backup's decks, compiled as an import would. */
  backupDeckIds: readonly (string | undefined)[],
  stored: StoredProgress,
): BackupPreview {
  // Counted as the merge will: a union by id, so a repeat inside the file counts once.
  const seen = new Set<string>();
  let newReviews = 0;
  let knownReviews = 0;
  let newReviewsOfCardsInNoDeck = 0;
  let newUndos = 0;
  for (const event of backup.events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    const known = stored.eventKeys.has(key);
    if (event.kind === 'undo') newUndos += known ? 0 : 1;
    else if (known) knownReviews += 1;
    else {
      newReviews += 1;
      if (!stored.deckCardIds.has(event.cardId)) newReviewsOfCardsInNoDeck += 1;
    }
  }
  const decks = { decksAdded: 0, decksReplaced: 0, decksUnchanged: 0, decksSkipped: 0 };
  backup.decks.forEach((deck, index) => {
    const deckId = backupDeckIds[index];
    if (deckId === undefined) decks.decksSkipped += 1;
    else if (stored.deckSources.some((source) => sameSource(source, deck)))
      decks.decksUnchanged += 1;
    else if (stored.importedDeckIds.has(deckId)) decks.decksReplaced += 1;
    else decks.decksAdded += 1;
  });
  return {
    newReviews,
    knownReviews,
    newReviewsOfCardsInNoDeck,
    newUndos,
    ...decks,
    settingsDiffer: settingsDiffer(backup.settings, stored.settings),
  };
}
