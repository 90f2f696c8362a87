import type { Deck } from './deck';

/** One input file: the compiler takes contents, never paths to read. */
export interface SourceFile {
  /** Relative path as the caller names it; folders group per-topic files into one deck. */
  readonly path: string;
  readonly content: string;
}

export interface CompileWarning {
  readonly path: string;
  /** 1-based line of the input where the problem is; 0 when it concerns the whole file. */
  readonly line: number;
  readonly message: string;
}

export interface CompileResult {
  readonly decks: readonly Deck[];
  readonly warnings: readonly CompileWarning[];
}

/**
 * One deck's input. `single-file`: one document, `#` title, `##` sections, `###` topics.
 * `topic-folder`: roadmap.sh's layout, one `slug@NODEID.md` file per topic.
 */
export interface DeckSource {
  /** The file or folder as the caller named it; becomes `Deck.source`. */
  readonly path: string;
  readonly layout: 'single-file' | 'topic-folder';
  readonly files: readonly SourceFile[];
}
