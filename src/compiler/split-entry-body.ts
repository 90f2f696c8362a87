import type { CompileWarning } from '../domain/compile';
import type { Resource } from '../domain/deck';
import type { MarkdownLine } from '../markdown/markdown-lines';
import { readResourceList } from './read-resource-list';
import { opensLink } from './scan-link';

export interface EntryBody {
  /** Markdown, paragraphs separated by one blank line; empty when there is no text. */
  readonly description: string;
  readonly resources: readonly Resource[];
}

// "Visit the following resources to learn more:", "Learn more from the following resources:"…
// and roadmap.sh's Portuguese "Acesse os seguintes recursos para saber mais:".
const introKeywords =
  /\b(?:resources?|links?|reading|references?|learn more|read more|recursos|saber mais)\b/i;
const introHeading = /^(?:resources|further reading|learn more|links|references|read more)\b/i;
// A heading that only names a kind of resource ("Articles", "Videos:") heads no text of the topic.
const resourceLabel =
  /^(?:articles?|videos?|courses?|books?|podcasts?|feeds?|resources?|links?|references?|further reading|read more|learn more|artigos?|vídeos?|cursos?|livros?|recursos?)$/iu;

/**
 * Splits the lines under a topic's (or section's) heading into its description and its resources.
 * The resources are the list at the end of the entry: the list after an intro line such as
 * "Visit the following resources to learn more:", or, without one, a final list whose first item
 * is a link (or a broken one). Any other list stays in the description, links and all.
 */
export function splitEntryBody(
  body: readonly MarkdownLine[],
  path: string,
  warnings: CompileWarning[],
): EntryBody {
  const lines = withoutLabelHeadings(body, path, warnings);
  let end = lines.length - 1;
  while (end >= 0 && isBlank(lines[end])) end--;

  // Walk back over the trailing list: its items, blank lines and indented continuation lines.
  let before = end;
  let firstItem = -1;
  for (; before >= 0; before--) {
    const line = lines[before];
    if (line?.kind === 'list-item') firstItem = before;
    else if (!(isBlank(line) || (line?.kind === 'text' && /^[ \t]/.test(line.raw)))) break;
  }

  if (firstItem < 0) {
    const last = lines[end];
    if (last && isIntro(last)) {
      warnings.push({ path, line: last.number, message: 'resource intro line with no resources' });
      return { description: joinDescription(lines, end), resources: [] };
    }
    return { description: joinDescription(lines, end + 1), resources: [] };
  }

  const intro = lines[before];
  const items = lines
    .slice(firstItem, end + 1)
    .filter((line) => line.kind === 'list-item')
    .map((line) => ({ line: line.number, text: line.text }));
  if (intro && isIntro(intro)) {
    // Some roadmap files write the intro line twice: neither copy belongs to the description.
    let stop = before;
    while (stop > 0 && (isBlank(lines[stop - 1]) || isIntroLine(lines[stop - 1]))) stop--;
    return {
      description: joinDescription(lines, stop),
      resources: readResourceList(items, path, warnings),
    };
  }
  // A first item whose link is broken still makes the list resources: in the description it would
  // show as raw markdown, and the resource list warns about it with its line.
  if (opensLink(items[0]?.text ?? '')) {
    return {
      description: joinDescription(lines, firstItem),
      resources: readResourceList(items, path, warnings),
    };
  }
  return { description: joinDescription(lines, end + 1), resources: [] };
}

/**
 * The lines without headings such as `# Articles` or an underlined `Articles`: roadmap.sh files
 * put them above the resource list, and read as text they would end the description (or be all
 * of it).
 */
function withoutLabelHeadings(
  lines: readonly MarkdownLine[],
  path: string,
  warnings: CompileWarning[],
): readonly MarkdownLine[] {
  const kept: MarkdownLine[] = [];
  let skipUnderline = false;
  for (const line of lines) {
    if (skipUnderline && line.kind === 'underline') continue;
    skipUnderline = false;
    if (
      line.kind === 'heading' &&
      resourceLabel.test(withoutEmphasisMarks(line.text).replace(/:$/, ''))
    ) {
      warnings.push({
        path,
        line: line.number,
        message: `heading names no topic, skipped: ${line.text}`,
      });
      skipUnderline = true;
      continue;
    }
    kept.push(line);
  }
  return kept.length === lines.length ? lines : kept;
}

function isBlank(line: MarkdownLine | undefined): boolean {
  return line?.kind === 'blank';
}

function isIntroLine(line: MarkdownLine | undefined): boolean {
  return line !== undefined && isIntro(line);
}

function isIntro(line: MarkdownLine): boolean {
  if (line.kind === 'heading' && line.text.length <= 40 && introHeading.test(line.text))
    return true;
  // `# Visit the following resources to learn more:` is the intro line, written as a heading.
  if (line.kind !== 'text' && line.kind !== 'heading') return false;
  const text = withoutEmphasisMarks(line.text).trim();
  return text.endsWith(':') && text.length <= 160 && introKeywords.test(text);
}

/**
 * `**Resources:**` → `Resources:`. By hand: `/[*_]+$/` would rescan a long run of marks from each
 * of its characters when something else follows it.
 */
function withoutEmphasisMarks(text: string): string {
  const isMark = (index: number) => text[index] === '*' || text[index] === '_';
  let start = 0;
  while (start < text.length && isMark(start)) start++;
  let end = text.length;
  while (end > start && isMark(end - 1)) end--;
  return text.slice(start, end);
}

/**
 * The description as markdown: code kept byte for byte, other lines without trailing spaces, runs
 * of blank lines folded to one so paragraphs are always separated the same way.
 */
function joinDescription(lines: readonly MarkdownLine[], stop: number): string {
  const out: string[] = [];
  let blankPending = false;
  for (let index = 0; index < stop; index++) {
    const line = lines[index];
    if (!line) continue;
    if (line.kind === 'blank') {
      blankPending = out.length > 0;
      continue;
    }
    if (blankPending) out.push('');
    blankPending = false;
    out.push(line.kind === 'code' ? line.raw : line.raw.trimEnd());
  }
  return out.join('\n');
}
