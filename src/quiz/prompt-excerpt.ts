import {
  createForwardSearch,
  isLineTerminatorCode,
  isWhitespaceCode,
} from '../markdown/forward-search';
import { type MarkdownLine, readMarkdownLines } from '../markdown/markdown-lines';
import { sentenceEnd } from '../markdown/sentence-end';
import { splitLines } from '../markdown/split-lines';

/**
 * The part of a description a quiz question shows: the first two sentences of its first
 * paragraph, as plain text (links become their labels, bold and italic marks go). A sentence that
 * only leads into a list ("Popular choices include:") says nothing without the list, so it is
 * dropped; a first paragraph that is nothing but such a lead-in is finished with the list it leads
 * into, or else gives way to the next paragraph. Code blocks and lists are skipped; a description
 * with no whole sentence falls back to its first paragraph, or to all its text.
 */
export function promptExcerpt(description: string): string {
  const lines = readMarkdownLines(splitLines(description));
  const paragraphs = textParagraphs(lines);
  const [first, ...rest] = paragraphs.map((paragraph) =>
    withoutLeadIn(plainText(paragraph.join(' ')).split(sentenceEnd)),
  );
  if (first && first.length > 0) return firstSentences(first);
  const completed = leadInWithItsList(lines);
  if (completed !== undefined) return completed;
  const next = rest.find((sentences) => sentences.length > 0);
  if (next) return firstSentences(next);
  let fallback = paragraphs[0] ?? [];
  if (fallback.length === 0) {
    fallback = lines
      .filter(
        (line) => line.kind === 'text' || line.kind === 'list-item' || line.kind === 'heading',
      )
      .map((line) => line.text);
  }
  if (fallback.length === 0) fallback = lines.map((line) => line.raw.trim());
  return firstSentences(plainText(fallback.join(' ')).split(sentenceEnd));
}

/** The runs of consecutive text lines, in order. */
function textParagraphs(lines: readonly MarkdownLine[]): string[][] {
  const paragraphs: string[][] = [];
  let paragraph: string[] = [];
  for (const line of lines) {
    if (line.kind === 'text') paragraph.push(line.text);
    else if (paragraph.length > 0) {
      paragraphs.push(paragraph);
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph);
  return paragraphs;
}

const listedLengthLimit = 240;

/**
 * "Deploying involves three steps: write; plan; apply." The first paragraph, when a list follows
 * it, with that list's items run on after it as far as they fit; "…" says that more were left out.
 */
function leadInWithItsList(lines: readonly MarkdownLine[]): string | undefined {
  const start = lines.findIndex((line) => line.kind === 'text');
  if (start < 0) return undefined;
  let end = start;
  while (lines[end]?.kind === 'text') end++;
  const lead = plainText(
    lines
      .slice(start, end)
      .map((line) => line.text)
      .join(' '),
  );
  if (!lead.endsWith(':')) return undefined;
  const items: string[] = [];
  for (let index = end; index < lines.length; index++) {
    const line = lines[index];
    if (line?.kind === 'list-item') items.push(plainText(line.text).replace(/[.;,:]+$/, ''));
    else if (line?.kind !== 'blank' && !(line?.kind === 'text' && /^[ \t]/.test(line.raw))) break;
  }
  let listed = '';
  for (const item of items) {
    const next = listed === '' ? item : `${listed}; ${item}`;
    if (listed !== '' && lead.length + next.length > listedLengthLimit) {
      return `${lead} ${listed}; …`;
    }
    listed = next;
  }
  return listed === '' ? undefined : `${lead} ${listed}.`;
}

/** The sentences before a closing lead-in: only the last sentence of a paragraph can be one. */
function withoutLeadIn(sentences: readonly string[]): string[] {
  const kept = sentences.filter((sentence) => sentence !== '');
  while (kept.length > 0 && (kept[kept.length - 1] ?? '').endsWith(':')) kept.pop();
  return kept;
}

function firstSentences(sentences: readonly string[]): string {
  let excerpt = sentences[0] ?? '';
  // A very short first sentence ("It is fast.") needs the next one to say what it is about.
  for (let index = 1; index < sentences.length && index < 3; index++) {
    if (index >= 2 && excerpt.length >= 80) break;
    excerpt += ` ${sentences[index]}`;
  }
  return excerpt;
}

/**
 * Links become their labels and bold marks go, as the RegExps
 * `!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)` → `$1` and
 * `(\*\*|__)(?=\S)(.+?)(?<=\S)\1` → `$2` would do, but in linear time: those RegExps rescan the
 * rest of the text from every unclosed `[` or `**`.
 */
function plainText(markdown: string): string {
  return withoutStrongMarks(withLinksAsLabels(markdown)).replace(/\s+/g, ' ').trim();
}

function withLinksAsLabels(text: string): string {
  const code = (index: number) => text.charCodeAt(index);
  const closeBracket = createForwardSearch(text, (index) => code(index) === 93);
  const nextParenthesis = createForwardSearch(
    text,
    (index) => code(index) === 40 || code(index) === 41,
  );
  const nextNonSpace = createForwardSearch(text, (index) => !isWhitespaceCode(code(index)));
  // Openers before the same `]` share its destination: each is read once.
  let destinationStart = -1;
  let destinationEnd = -1;
  const destination = (start: number): number => {
    if (start !== destinationStart) {
      destinationStart = start;
      destinationEnd = readDestination(start);
    }
    return destinationEnd;
  };
  // Where `(url "title")` starting at `start` (after the `(`) ends, past its `)`; -1 when it does not.
  const readDestination = (start: number): number => {
    let at = start;
    while (at < text.length) {
      const char = code(at);
      if (char === 40) {
        const close = nextParenthesis(at + 1);
        if (code(close) !== 41) break;
        at = close + 1;
      } else if (char === 41 || isWhitespaceCode(char)) break;
      else at++;
    }
    if (code(at) === 41) return at + 1;
    if (!isWhitespaceCode(code(at))) return -1;
    const title = nextNonSpace(at);
    if (code(title) !== 34) return -1;
    const titleEnd = text.indexOf('"', title + 1);
    return titleEnd >= 0 && code(titleEnd + 1) === 41 ? titleEnd + 2 : -1;
  };
  let out = '';
  let last = 0;
  for (let at = text.indexOf('['); at >= 0; ) {
    const close = closeBracket(at + 1);
    const end = code(close + 1) === 40 ? destination(close + 2) : -1;
    if (end < 0) {
      at = text.indexOf('[', at + 1);
      continue;
    }
    const start = at > 0 && code(at - 1) === 33 && at - 1 >= last ? at - 1 : at;
    out += text.slice(last, start) + text.slice(at + 1, close);
    last = end;
    at = text.indexOf('[', end);
  }
  return out + text.slice(last);
}

function withoutStrongMarks(text: string): string {
  const code = (index: number) => text.charCodeAt(index);
  const nonSpace = (index: number) =>
    index >= 0 && index < text.length && !isWhitespaceCode(code(index));
  const lineEnd = createForwardSearch(text, (index) => isLineTerminatorCode(code(index)));
  const closers = new Map(
    [42, 95].map((mark) => [
      mark,
      createForwardSearch(
        text,
        (index) => code(index) === mark && code(index + 1) === mark && nonSpace(index - 1),
      ),
    ]),
  );
  let out = '';
  let last = 0;
  for (let at = 0; at < text.length - 1; at++) {
    const mark = code(at);
    const closer = closers.get(mark);
    if (!closer || code(at + 1) !== mark || !nonSpace(at + 2)) continue;
    const close = closer(at + 3);
    if (close >= text.length || lineEnd(at + 2) < close) continue;
    out += text.slice(last, at) + text.slice(at + 2, close);
    last = close + 2;
    at = last - 1;
  }
  return out + text.slice(last);
}
