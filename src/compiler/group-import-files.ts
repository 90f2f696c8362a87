import type { DeckSource, SourceFile } from '../domain/compile';
import { compareNaturally } from './natural-compare';

const markdownName = /\.(?:md|markdown)$/i;
const textName = /\.txt$/i;
const topicFileName = /^[^/]*@[A-Za-z0-9_-]+\.(?:md|markdown)$/i;
const indexFileName = /^(?:index|readme|_index)\.(?:md|markdown)$/i;

/** What loose roadmap.sh topic files form when no folder names them. */
const looseTopicDeckPath = 'Imported deck';

export type DeckFileKind = 'markdown' | 'text';

/** Whether a picked file can be part of a deck; hidden files and node_modules never are. */
export function deckFileKind(path: string): DeckFileKind | undefined {
  const segments = normalizedPath(path).split('/');
  if (segments.some((segment) => segment.startsWith('.') || segment === 'node_modules')) {
    return undefined;
  }
  if (markdownName.test(path)) return 'markdown';
  if (textName.test(path)) return 'text';
  return undefined;
}

export interface GroupedImport {
  readonly sources: DeckSource[];
  /** Files that are not deck files (other extensions, hidden), left out. */
  readonly skipped: string[];
}

/**
 * Turns files the learner picked or dropped into deck sources, as the compile command does with
 * paths. A path's first folder, when it has one, is the folder the learner picked or dropped.
 *
 * - A folder is one topic-folder deck of all its `.md` files, at any depth; each `.txt` file in it
 *   is a single-file deck of its own.
 * - Loose files (no folder) are each one single-file deck, unless every loose markdown file is a
 *   roadmap.sh topic file (`slug@id.md`, an `index.md` allowed beside them): those form one
 *   topic-folder deck, titled by the index's `#` heading or else "Imported deck".
 */
export function groupImportFiles(files: readonly SourceFile[]): GroupedImport {
  const skipped: string[] = [];
  const folders = new Map<string, SourceFile[]>();
  const loose: SourceFile[] = [];
  for (const file of files) {
    const path = normalizedPath(file.path);
    if (!deckFileKind(path)) {
      skipped.push(file.path);
      continue;
    }
    const normalized = { path, content: file.content };
    const slash = path.indexOf('/');
    if (slash < 0) {
      loose.push(normalized);
      continue;
    }
    const folder = path.slice(0, slash);
    const members = folders.get(folder) ?? [];
    members.push(normalized);
    folders.set(folder, members);
  }

  const sources: DeckSource[] = [];
  for (const folder of [...folders.keys()].sort(compareNaturally)) {
    const members = sortedByPath(folders.get(folder) ?? []);
    const markdown = members.filter((file) => deckFileKind(file.path) === 'markdown');
    if (markdown.length > 0)
      sources.push({ path: folder, layout: 'topic-folder', files: markdown });
    for (const text of members.filter((file) => deckFileKind(file.path) === 'text')) {
      sources.push(singleFile(text));
    }
  }

  const looseFiles = sortedByPath(loose);
  const looseMarkdown = looseFiles.filter((file) => deckFileKind(file.path) === 'markdown');
  const formsTopicFolder =
    looseMarkdown.some((file) => topicFileName.test(file.path)) &&
    looseMarkdown.every((file) => topicFileName.test(file.path) || indexFileName.test(file.path));
  if (formsTopicFolder) {
    sources.push({ path: looseTopicDeckPath, layout: 'topic-folder', files: looseMarkdown });
  }
  for (const file of looseFiles) {
    if (formsTopicFolder && deckFileKind(file.path) === 'markdown') continue;
    sources.push(singleFile(file));
  }
  return { sources, skipped };
}

function singleFile(file: SourceFile): DeckSource {
  return { path: file.path, layout: 'single-file', files: [file] };
}

function sortedByPath(files: readonly SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => compareNaturally(a.path, b.path));
}

/** Browsers give `/folder/file.md` (dropped entries) or `folder/file.md` (picked folders). */
function normalizedPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '');
}
