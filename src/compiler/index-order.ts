import type { MarkdownLine } from '../markdown/markdown-lines';
import { scanLeadingLink } from './scan-link';

/** A topic file an index lists, as a path inside the deck folder. */
export interface IndexLink {
  readonly path: string;
  /** The index line that lists it, for warnings. */
  readonly line: number;
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;
const topicFileName = /\.(?:md|markdown|txt)$/i;

/**
 * Splits an index file's lines into the list items that link to topic files
 * (`- [Tasks](tasks@XlpU.md)`, relative to the index's folder `dir`) and everything else, which
 * stays the section's description and resources. The links' order is the order a learner meets
 * the topics.
 */
export function takeTopicLinks(
  lines: readonly MarkdownLine[],
  dir: string,
): { links: IndexLink[]; rest: MarkdownLine[] } {
  const links: IndexLink[] = [];
  const rest: MarkdownLine[] = [];
  for (const line of lines) {
    const target = line.kind === 'list-item' ? localTarget(line.text) : undefined;
    if (target === undefined) rest.push(line);
    else links.push({ path: resolvePath(dir, target), line: line.number });
  }
  return { links, rest };
}

/** The file a link at the start of `text` points to inside the deck; undefined for a web link. */
function localTarget(text: string): string | undefined {
  const url = scanLeadingLink(text)?.url;
  if (url === undefined || hasScheme.test(url) || url.startsWith('/')) return undefined;
  const path = url.replace(/[?#].*$/, '');
  if (!topicFileName.test(path)) return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `dir` joined with a relative `target`, `.` and `..` resolved: `a/b` + `../c.md` → `a/c.md`. */
function resolvePath(dir: string, target: string): string {
  const segments = dir === '' ? [] : dir.split('/');
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * `items` with those the indexes list first, in the order listed, and the rest after them in the
 * order given. Sorting is stable, so unlisted files keep their natural order.
 */
export function orderByIndex<Item>(
  items: readonly Item[],
  pathOf: (item: Item) => string,
  rank: ReadonlyMap<string, number>,
): Item[] {
  const last = rank.size;
  return [...items].sort((a, b) => (rank.get(pathOf(a)) ?? last) - (rank.get(pathOf(b)) ?? last));
}
