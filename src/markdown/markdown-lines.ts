/**
 * A line-by-line reading of a markdown document: enough block structure to find headings, lists
 * and code fences without building a tree. One pass, so a large deck compiles in linear time.
 */
type MarkdownLineKind =
  | 'blank'
  | 'heading'
  /** The `===` or `---` line under a setext heading. */
  | 'underline'
  | 'fence'
  | 'code'
  | 'list-item'
  | 'thematic-break'
  | 'front-matter'
  | 'text';

export interface MarkdownLine {
  /** 1-based, as editors count. */
  readonly number: number;
  readonly raw: string;
  readonly kind: MarkdownLineKind;
  /** 1-6 for a heading, 0 otherwise. */
  readonly level: number;
  /** A heading's text, a list item's content after its marker, or the trimmed line. */
  readonly text: string;
  /** An ATX heading written without a space after its `#`s, like `#Title`. */
  readonly glued: boolean;
}

// The text is taken whole and trimmed after: a lazy `(.*?)[ \t]*$` would rescan every run of
// spaces from each of its characters, quadratic time on a long line.
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
// `#Title`: read as a heading only when a letter follows, so `#!/bin/sh` or `#1` stay text.
const gluedHeading = /^ {0,3}(#{1,6})(\p{L}.*)$/u;
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const setextUnderline = /^ {0,3}(=+|-{2,})[ \t]*$/;
const listItem = /^([ \t]*)([*+-]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const frontMatterKey = /^[\w-]+[ \t]*:/;

export function readMarkdownLines(lines: readonly string[]): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: { char: string; length: number } | undefined;
  const start = frontMatterEnd(lines);
  for (let index = 0; index < start; index++) {
    out.push(line(index, lines[index] ?? '', 'front-matter'));
  }
  for (let index = start; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw);
      const marker = close?.[1];
      if (marker && marker[0] === fence.char && marker.length >= fence.length) {
        fence = undefined;
        out.push(line(index, raw, 'fence'));
      } else {
        out.push(line(index, raw, 'code'));
      }
      continue;
    }
    if (raw.trim() === '') {
      out.push(line(index, raw, 'blank'));
      continue;
    }
    const open = fenceOpen.exec(raw);
    const openMarker = open?.[2];
    // A backtick fence's info string may not hold backticks: ```` ```code``` ```` is inline code.
    if (open && openMarker && !(openMarker[0] === '`' && (open[3] ?? '').includes('`'))) {
      fence = { char: openMarker[0] ?? '`', length: openMarker.length };
      out.push(line(index, raw, 'fence'));
      continue;
    }
    const atx = atxHeading.exec(raw);
    const heading = atx ?? gluedHeading.exec(raw);
    if (heading) {
      const level = (heading[1] ?? '#').length;
      const text = withoutClosingHashes(heading[2] ?? '').trim();
      out.push({ ...line(index, raw, 'heading', text), level, glued: atx === null });
      continue;
    }
    const underline = setextUnderline.exec(raw);
    if (underline && isSingleParagraphLine(out, index - 1)) {
      const previous = out[index - 1];
      if (previous) {
        out[index - 1] = {
          ...previous,
          kind: 'heading',
          level: (underline[1] ?? '=').startsWith('=') ? 1 : 2,
          text: previous.raw.trim(),
        };
        out.push(line(index, raw, 'underline'));
        continue;
      }
    }
    if (isThematicBreak(raw)) {
      out.push(line(index, raw, 'thematic-break'));
      continue;
    }
    const item = listItem.exec(raw);
    if (item) {
      out.push(line(index, raw, 'list-item', (item[3] ?? '').trim()));
      continue;
    }
    out.push(line(index, raw, 'text'));
  }
  return out;
}

function line(index: number, raw: string, kind: MarkdownLineKind, text = raw.trim()): MarkdownLine {
  return { number: index + 1, raw, kind, level: 0, text, glued: false };
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** `Title ##` → `Title`: closing hashes go with the spaces or tabs before them. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes === end) return text.slice(0, end);
  if (hashes === 0) return '';
  if (!isSpaceOrTab(text.charCodeAt(hashes - 1))) return text.slice(0, end);
  while (hashes > 0 && isSpaceOrTab(text.charCodeAt(hashes - 1))) hashes--;
  return text.slice(0, hashes);
}

/**
 * `***`, `- - -`, `___`: up to three spaces, then three or more of one of `-*_` with only spaces
 * or tabs between. Checked by hand, since a RegExp with a repeated back-reference keeps state per
 * mark and crawls on a line of a million underscores.
 */
function isThematicBreak(raw: string): boolean {
  let at = 0;
  while (at < 3 && raw.charCodeAt(at) === 32) at++;
  const mark = raw.charCodeAt(at);
  if (mark !== 45 && mark !== 42 && mark !== 95) return false;
  let marks = 0;
  for (; at < raw.length; at++) {
    const code = raw.charCodeAt(at);
    if (code === mark) marks++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return marks >= 3;
}

/**
 * A setext underline turns only a one-line paragraph into a heading. CommonMark would take a
 * longer paragraph whole; real entries that do that mean a thematic break far more often.
 */
function isSingleParagraphLine(lines: readonly MarkdownLine[], index: number): boolean {
  const previous = lines[index];
  if (previous?.kind !== 'text') return false;
  const before = lines[index - 1];
  // After a list item the line is a lazy continuation of that item, not a paragraph.
  return before === undefined || (before.kind !== 'text' && before.kind !== 'list-item');
}

/** YAML front matter: `---` on the first line, `key:` lines, then `---` or `...`. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const firstInner = lines[1] ?? '';
  if (!frontMatterKey.test(firstInner)) return 0;
  for (let index = 1; index < lines.length && index < 200; index++) {
    const trimmed = (lines[index] ?? '').trim();
    if (trimmed === '---' || trimmed === '...') return index + 1;
  }
  return 0;
}

/** The line of a code fence that is never closed, if any: it swallows the rest of the file. */
export function unclosedFenceLine(lines: readonly MarkdownLine[]): number | undefined {
  let open: number | undefined;
  for (const line of lines) {
    if (line.kind === 'fence') open = open === undefined ? line.number : undefined;
  }
  return open;
}
