import type { Resource } from '../domain/deck';

/**
 * What the two layout readers hand to `buildDeck`: titles, slugs and parsed text, before ids
 * exist. Ids wait for the deck id, which is only known once clashes between decks are settled.
 */
export interface TopicDraft {
  readonly title: string;
  /** The file the topic came from and its heading's line, for warnings. */
  readonly path: string;
  readonly line: number;
  /** roadmap.sh's node id from a `slug@NODEID.md` file name; it becomes the topic id. */
  readonly nodeId?: string;
  readonly slug: string;
  readonly description: string;
  readonly resources: readonly Resource[];
}

export interface SectionDraft {
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly resources: readonly Resource[];
  /** Never empty: readers drop a section without topics (with a warning). */
  readonly topics: readonly TopicDraft[];
}

export interface DeckDraft {
  readonly title: string;
  /** The deck id before a clash with another deck or a reserved id adds a suffix. */
  readonly idBase: string;
  readonly sections: readonly SectionDraft[];
}
