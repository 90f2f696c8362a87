import { joinsIdentifier } from './character-classes';

const symmetricMarks = ['`', '*', '"'];
const pairedMarks: readonly (readonly [string, string])[] = [
  ['<', '>'],
  ['(', ')'],
  ['“', '”'],
];
// Marks a match swallows when they wrap it exactly: `head`, *Tasks*, _Tasks_, "Big O".
const wrappingMarks = '`*_"';

/**
 * Widens a match so that it takes whole markup. A term found across inline code ("The `head`
 * command" for "Head Command") opens a code span it does not close: the blank takes the span
 * whole, or what is left would be a stray backtick. A term wrapped exactly in code, emphasis or
 * quotes takes the wrapping too, so that no blank sits in empty markup (`_____`, *_____*).
 */
export function balancedMatch(text: string, start: number, end: number): [number, number] {
  if (!touchesMarkup(text, start, end)) return [start, end];
  let from = start;
  let to = end;
  for (let round = 0; round < 4; round++) {
    const before = from + to * text.length;
    for (const [open, close] of pairedMarks) {
      const opens = count(text, from, to, open) - count(text, from, to, close);
      if (opens > 0 && text.charAt(to) === close) to++;
      else if (opens < 0 && text.charAt(from - 1) === open) from--;
    }
    for (const mark of symmetricMarks) {
      if (runCount(text, from, to, mark) % 2 === 0) continue;
      if (text.charAt(from - 1) === mark) from = runEdge(text, from - 1, mark, -1);
      else if (text.charAt(to) === mark) to = runEdge(text, to, mark, 1) + 1;
    }
    const mark = text.charAt(from - 1);
    if (from > 0 && mark !== '' && wrappingMarks.includes(mark) && text.charAt(to) === mark) {
      const opening = runEdge(text, from - 1, mark, -1);
      const closing = runEdge(text, to, mark, 1);
      const underscoreInWord =
        mark === '_' && (joinsIdentifier(text, from - 1, -1) || joinsIdentifier(text, to, 1));
      if (from - opening === closing + 1 - to && !underscoreInWord) {
        from = opening;
        to = closing + 1;
      }
    }
    if (from + to * text.length === before) break;
  }
  return [from, to];
}

const markupChars = '<>()“”`*"_';

// Most matches are plain words: no markup inside or on either side, nothing to widen.
function touchesMarkup(text: string, start: number, end: number): boolean {
  for (let at = start - 1; at <= end; at++) {
    if (markupChars.includes(text.charAt(at)) && text.charAt(at) !== '') return true;
  }
  return false;
}

function count(text: string, from: number, to: number, mark: string): number {
  let found = 0;
  for (let at = from; at < to; at++) if (text.charAt(at) === mark) found++;
  return found;
}

/** How many runs of `mark` lie within [from, to). */
function runCount(text: string, from: number, to: number, mark: string): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    if (text.charAt(at) === mark && text.charAt(at - 1) !== mark) count++;
  }
  return count;
}

/** The last index of the run of `mark` through `at`, going in the direction of `step`. */
function runEdge(text: string, at: number, mark: string, step: 1 | -1): number {
  let edge = at;
  while (text.charAt(edge + step) === mark) edge += step;
  return edge;
}
