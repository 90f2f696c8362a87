import type { CompileWarning, DeckSource, SourceFile } from '../domain/compile';
import type { MarkdownLine } from '../markdown/markdown-lines';
import type { DeckDraft, SectionDraft, TopicDraft } from './deck-draft';
import { type IndexLink, orderByIndex, takeTopicLinks } from './index-order';
import { compareNaturally } from './natural-compare';
import { isEmptyDocument, readDocument } from './read-document';
import { slugify, stripOrderPrefix, titleFromName } from './slugify';
import { splitEntryBody } from './split-entry-body';

const indexFileName = /^(?:index|readme|_index)\.(?:md|markdown|txt)$/i;
const nodeIdName = /^(.*)@([A-Za-z0-9_-]+)$/;

interface DeckFile {
  readonly source: SourceFile;
  /** Relative to the deck folder, `/`-separated. */
  readonly relative: string;
}

interface Folder {
  /** Relative to the deck folder, `/`-separated; '' for the deck folder itself. */
  readonly dir: string;
  index?: SourceFile;
  readonly files: DeckFile[];
}

/**
 * roadmap.sh's layout: one `slug@NODEID.md` file per topic, `# Title`, a description, resources.
 * Files directly in the deck folder form the first section, titled like the deck; each subfolder
 * (at any depth) forms a section of its own, named by the folder without its `100-` prefix or by
 * the `# title` of an `index.md` inside it. Topics come in the order the index files list them
 * (links to the topic files), then the files no index lists, in natural path order.
 */
export function draftTopicFolderDeck(source: DeckSource, warnings: CompileWarning[]): DeckDraft {
  const folders = groupByFolder(source);
  const indexes = new Map<string, IndexEntry>();
  for (const folder of folders) {
    const index = folder.index && readIndex(folder.index, folder.dir, warnings);
    if (index) indexes.set(folder.dir, index);
  }
  const rank = rankListedFiles(folders, indexes, warnings);
  const rootIndex = indexes.get('');
  const name = folderName(source.path);
  const title = rootIndex?.title ?? titleFromName(name);
  const idBase = slugify(title);

  const sections: SectionDraft[] = [];
  for (const folder of folders) {
    const index = indexes.get(folder.dir);
    const lastName = folder.dir.split('/').pop() ?? '';
    const sectionTitle =
      folder.dir === '' ? title : (index?.title ?? titleFromName(stripOrderPrefix(lastName)));
    const topics: TopicDraft[] = [];
    for (const file of orderByIndex(folder.files, (file) => file.relative, rank)) {
      const topic = draftTopicFile(file.source, warnings);
      if (topic) topics.push(topic);
    }
    if (topics.length === 0) {
      if (folder.dir !== '') {
        warnings.push({
          path: folder.index?.path ?? folder.files[0]?.source.path ?? source.path,
          line: 0,
          message: `folder has no topics, no section for it: ${folder.dir}`,
        });
      }
      continue;
    }
    sections.push({
      title: sectionTitle,
      slug:
        folder.dir === ''
          ? idBase
          : folder.dir
              .split('/')
              .map((segment) => slugify(stripOrderPrefix(segment)))
              .join('-'),
      description: index?.description ?? '',
      resources: index?.resources ?? [],
      topics,
    });
  }
  return { title, idBase, sections };
}

function groupByFolder(source: DeckSource): Folder[] {
  const files = source.files
    .map((file) => ({ file, relative: relativePath(file.path, source.path) }))
    .sort((a, b) => compareNaturally(a.relative, b.relative));
  const byDir = new Map<string, Folder>();
  for (const { file, relative } of files) {
    const slash = relative.lastIndexOf('/');
    const dir = slash < 0 ? '' : relative.slice(0, slash);
    const base = relative.slice(slash + 1);
    let folder = byDir.get(dir);
    if (!folder) {
      folder = { dir, files: [] };
      byDir.set(dir, folder);
    }
    if (indexFileName.test(base) && !folder.index) folder.index = file;
    else folder.files.push({ source: file, relative });
  }
  // The deck's own files come first, then subfolders in natural order.
  return [...byDir.values()].sort((a, b) =>
    a.dir === '' ? -1 : b.dir === '' ? 1 : compareNaturally(a.dir, b.dir),
  );
}

/** A file's path inside the deck folder, whether the caller gave it with the folder or without. */
function relativePath(path: string, folder: string): string {
  const file = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const prefix = folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (prefix !== '' && prefix !== '.' && file.startsWith(`${prefix}/`)) {
    return file.slice(prefix.length + 1);
  }
  return file.replace(/^\/+/, '');
}

interface IndexEntry {
  readonly path: string;
  readonly title: string | undefined;
  readonly description: string;
  readonly resources: TopicDraft['resources'];
  readonly links: readonly IndexLink[];
}

/**
 * Each file the indexes list, by its path in the deck, with its place in the learning order:
 * the root index first, then subfolders' indexes. A link to a file the deck lacks is a warning.
 */
function rankListedFiles(
  folders: readonly Folder[],
  indexes: ReadonlyMap<string, IndexEntry>,
  warnings: CompileWarning[],
): Map<string, number> {
  const files = new Set(folders.flatMap((folder) => folder.files.map((file) => file.relative)));
  const rank = new Map<string, number>();
  // In folder order: `indexes` was filled walking the folders.
  for (const index of indexes.values()) {
    for (const link of index.links) {
      if (!files.has(link.path)) {
        warnings.push({
          path: index.path,
          line: link.line,
          message: `index lists a file the folder does not hold, ignored: ${link.path}`,
        });
      } else if (!rank.has(link.path)) rank.set(link.path, rank.size);
    }
  }
  return rank;
}

function readIndex(
  file: SourceFile,
  dir: string,
  warnings: CompileWarning[],
): IndexEntry | undefined {
  const lines = readDocument(file, warnings);
  const first = lines.findIndex((line) => line.kind !== 'blank' && line.kind !== 'front-matter');
  const heading = lines[first];
  if (heading?.kind !== 'heading' || heading.text === '') {
    warnings.push({
      path: file.path,
      line: heading?.number ?? 1,
      message: 'index file has no "# title" heading, ignored',
    });
    return undefined;
  }
  const bodyStart = lines[first + 1]?.kind === 'underline' ? first + 2 : first + 1;
  const { links, rest } = takeTopicLinks(lines.slice(bodyStart), dir);
  const body = splitEntryBody(rest, file.path, warnings);
  return {
    path: file.path,
    title: heading.text,
    description: body.description,
    resources: body.resources,
    links,
  };
}

function draftTopicFile(file: SourceFile, warnings: CompileWarning[]): TopicDraft | undefined {
  const lines = readDocument(file, warnings);
  if (isEmptyDocument(lines)) {
    warnings.push({ path: file.path, line: 1, message: 'empty file, skipped' });
    return undefined;
  }
  const base = (file.path.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const named = nodeIdName.exec(base);
  const nodeId = named?.[2];
  const slugName = stripOrderPrefix(named ? named[1] || (nodeId ?? '') : base);

  const first = lines.findIndex((line) => line.kind !== 'blank' && line.kind !== 'front-matter');
  const heading = lines[first];
  let title: string;
  let bodyStart: number;
  let line: number;
  if (heading?.kind === 'heading' && isPlaceholder(heading.text, slugName)) {
    // `# undefined` above a file named for its topic: an export that lost the title.
    bodyStart = lines[first + 1]?.kind === 'underline' ? first + 2 : first + 1;
    line = heading.number;
    const restated = restatedTitle(lines, bodyStart, slugName);
    title = restated?.title ?? titleFromName(slugName);
    if (restated) bodyStart = restated.after;
    warnings.push({
      path: file.path,
      line,
      message: `heading "${heading.text}" names no topic, title taken from the ${restated ? 'next line' : 'file name'}: ${title}`,
    });
  } else if (heading?.kind === 'heading' && heading.text !== '') {
    title = heading.text;
    bodyStart = lines[first + 1]?.kind === 'underline' ? first + 2 : first + 1;
    line = heading.number;
  } else {
    title = titleFromName(slugName);
    bodyStart = first;
    line = heading?.number ?? 1;
    warnings.push({
      path: file.path,
      line,
      message: `no "# title" heading, title taken from the file name: ${title}`,
    });
  }
  const body = splitEntryBody(lines.slice(bodyStart), file.path, warnings);
  if (body.description === '') {
    warnings.push({
      path: file.path,
      line,
      message: `topic has no description, skipped: ${title}`,
    });
    return undefined;
  }
  return {
    title,
    path: file.path,
    line,
    ...(nodeId === undefined ? {} : { nodeId }),
    slug: slugify(slugName),
    description: body.description,
    resources: body.resources,
  };
}

/** `undefined` or `null` as a heading, unless the file is named for that very word. */
function isPlaceholder(heading: string, slugName: string): boolean {
  return /^(?:undefined|null)$/i.test(heading) && slugify(heading) !== slugify(slugName);
}

/**
 * The first line of the body when it spells the file's name (`Networking Fundamentals` or
 * `|# Template Tags` under a lost heading): the title as its author wrote it.
 */
function restatedTitle(
  lines: readonly MarkdownLine[],
  start: number,
  slugName: string,
): { title: string; after: number } | undefined {
  const first = lines.findIndex((line, index) => index >= start && line.kind !== 'blank');
  const line = lines[first];
  if (!line || (line.kind !== 'text' && line.kind !== 'heading')) return undefined;
  const title = line.text.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  if (slugify(title) !== slugify(slugName)) return undefined;
  return { title, after: lines[first + 1]?.kind === 'underline' ? first + 2 : first + 1 };
}

/**
 * The folder's own name, or its parent's for a folder named `content`: roadmap.sh keeps each
 * roadmap's topics in `roadmaps/<name>/content`, and 91 decks all called "Content" would clash.
 */
function folderName(path: string): string {
  const segments = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  let name = segments.pop() ?? '';
  const parent = segments.pop() ?? '';
  if (name.toLowerCase() === 'content' && isNamed(parent)) name = parent;
  return isNamed(name) ? name : 'deck';
}

function isNamed(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..';
}
