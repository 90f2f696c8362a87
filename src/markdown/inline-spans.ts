import {
  createForwardSearch,
  isAsciiWordCode,
  isLineTerminatorCode,
  isWhitespaceCode,
} from './forward-search';
import { splitAtMask, termMask } from './term-mask';

/** Inline markdown a description may use; everything else, HTML included, is plain text. */
export type InlineSpan =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'emphasis'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  /** A masked term, `termMask` in the text: one element wherever it stands. */
  | { readonly kind: 'blank' };

export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(url);
}

const backtick = 96;
const star = 42;
const underscore = 95;

/**
 * Reads spans left to right; at each position the first of these that completes wins: a blank
 * (`termMask`, before any emphasis rule), a code span (so nothing inside it is interpreted but
 * a blank), `[text](url)`, `**strong**`, `__strong__`, `*emphasis*`, `_emphasis_` (not inside a
 * word, so snake_case stays text). Strong and emphasis stay on one line. A blank inside a code
 * span, emphasis or a link label splits it: `asyncio._____` is code, then the blank. Every closer is found with a search that only moves forward, so a line of
 * openers that never close takes linear time, not a rescan of the rest of the line per opener.
 */
export function parseInlineSpans(text: string): InlineSpan[] {
  const read = spanReader(text);
  const spans: InlineSpan[] = [];
  let last = 0;
  for (let at = 0; at < text.length; ) {
    const found = read(at);
    if (!found) {
      at++;
      continue;
    }
    if (at > last) spans.push({ kind: 'text', text: text.slice(last, at) });
    spans.push(...splitAtBlanks(found.span));
    at = last = found.end;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}

const blankSpan: InlineSpan = { kind: 'blank' };

function splitAtBlanks(span: InlineSpan): InlineSpan[] {
  if (span.kind === 'blank') return [span];
  const pieces = splitAtMask(span.text);
  if (pieces.length === 1) return [span];
  const spans: InlineSpan[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) spans.push(blankSpan);
    if (piece !== '') spans.push({ ...span, text: piece });
  });
  return spans;
}

interface FoundSpan {
  readonly span: InlineSpan;
  readonly end: number;
}

function spanReader(text: string): (at: number) => FoundSpan | undefined {
  const code = (index: number) => text.charCodeAt(index);
  const nonSpace = (index: number) => index < text.length && !isWhitespaceCode(code(index));
  const inBlank = blankPositions(text);
  const isMark = (index: number, mark: number) => code(index) === mark && !inBlank(index);
  const lineEnd = createForwardSearch(text, (index) => isLineTerminatorCode(code(index)));
  const backtickRunEnd = createForwardSearch(text, (index) => code(index) !== backtick);
  const closeBracket = createForwardSearch(text, (index) => code(index) === 93);
  const urlEnd = createForwardSearch(
    text,
    (index) => code(index) === 41 || isWhitespaceCode(code(index)),
  );
  const doubleStar = createForwardSearch(
    text,
    (index) => code(index) === star && code(index + 1) === star,
  );
  const doubleUnderscore = createForwardSearch(
    text,
    (index) => isMark(index, underscore) && isMark(index + 1, underscore),
  );
  const starCloser = createForwardSearch(
    text,
    (index) => code(index) === star && nonSpace(index - 1),
  );
  const underscoreCloser = createForwardSearch(
    text,
    (index) =>
      isMark(index, underscore) && nonSpace(index - 1) && !isAsciiWordCode(code(index + 1)),
  );
  let backtickRuns: Map<number, number[]> | undefined;

  const codeSpan = (at: number): FoundSpan | undefined => {
    // An opener may start inside a run of backticks: it is the rest of the run.
    const contentStart = backtickRunEnd(at);
    const length = contentStart - at;
    backtickRuns ??= runsByLength(text);
    const close = firstAfter(backtickRuns.get(length), contentStart);
    if (close === undefined) return undefined;
    const content = text.slice(contentStart, close);
    return { span: { kind: 'code', text: content.trim() || content }, end: close + length };
  };

  const link = (at: number): FoundSpan | undefined => {
    const close = closeBracket(at + 1);
    if (close === at + 1 || close >= text.length || code(close + 1) !== 40) return undefined;
    const end = urlEnd(close + 2);
    if (end === close + 2 || code(end) !== 41) return undefined;
    const label = text.slice(at + 1, close);
    const url = text.slice(close + 2, end);
    return {
      span: isWebUrl(url) ? { kind: 'link', text: label, url } : { kind: 'text', text: label },
      end: end + 1,
    };
  };

  // `**x**` and `__x__`: the first closer after at least one character, on the same line.
  const strong = (at: number, closer: (from: number) => number): FoundSpan | undefined => {
    const close = closer(at + 3);
    if (close >= text.length || lineEnd(at + 2) < close) return undefined;
    return { span: { kind: 'strong', text: text.slice(at + 2, close) }, end: close + 2 };
  };

  // `*x*` and `_x_`: the text starts and ends with a non-space, on the same line. Two or more
  // characters are tried first, so `*a*b*` is one span of `a*b`.
  const emphasis = (at: number, closer: (from: number) => number): FoundSpan | undefined => {
    if (!nonSpace(at + 1)) return undefined;
    let close = closer(at + 3);
    if (close >= text.length || lineEnd(at + 1) < close) {
      if (at + 2 >= text.length || closer(at + 2) !== at + 2) return undefined;
      close = at + 2;
    }
    return { span: { kind: 'emphasis', text: text.slice(at + 1, close) }, end: close + 1 };
  };

  return (at) => {
    switch (code(at)) {
      case backtick:
        return codeSpan(at);
      case 91:
        return link(at);
      case star:
        return (
          (code(at + 1) === star ? strong(at, doubleStar) : undefined) ?? emphasis(at, starCloser)
        );
      case underscore:
        if (inBlank(at)) return { span: blankSpan, end: at + termMask.length };
        if (code(at + 1) === underscore) {
          const found = strong(at, doubleUnderscore);
          if (found) return found;
        }
        return at > 0 && isAsciiWordCode(code(at - 1)) ? undefined : emphasis(at, underscoreCloser);
      default:
        return undefined;
    }
  };
}

/** Whether a position lies in a blank: a run of exactly as many underscores as `termMask`. */
function blankPositions(text: string): (index: number) => boolean {
  if (!text.includes(termMask)) return () => false;
  const inBlank = new Uint8Array(text.length);
  for (let at = text.indexOf(termMask); at >= 0; ) {
    let end = at;
    while (text.charCodeAt(end) === underscore) end++;
    if (end - at === termMask.length) inBlank.fill(1, at, end);
    at = text.indexOf(termMask, end);
  }
  return (index) => inBlank[index] === 1;
}

/** The start of every maximal run of backticks, by its length, in text order. */
function runsByLength(text: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let at = text.indexOf('`'); at >= 0; ) {
    let end = at;
    while (text.charCodeAt(end) === backtick) end++;
    const starts = runs.get(end - at);
    if (starts) starts.push(at);
    else runs.set(end - at, [at]);
    at = text.indexOf('`', end);
  }
  return runs;
}

/** The first of the ascending `positions` after `bound`, by binary search. */
function firstAfter(positions: readonly number[] | undefined, bound: number): number | undefined {
  if (!positions) return undefined;
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] ?? 0) > bound) high = middle;
    else low = middle + 1;
  }
  return positions[low];
}
