import { readMarkdownLines } from './markdown-lines';
import { sentenceEnd } from './sentence-end';
import { splitLines } from './split-lines';

export interface DescriptionGist {
  /** Markdown: what a learner checks an answer against. */
  readonly gist: string;
  /** Markdown: the rest of the description, '' when the gist is all of it. */
  readonly rest: string;
}

/** About this many words make an answer a learner can hold up against what they recalled. */
export const gistWords = 35;
// A first sentence this much longer than the gist is cut; one a little longer is kept whole.
const longSentenceWords = 45;
// A first sentence this short ("It is fast.") says too little alone: the next one joins it.
const shortSentenceWords = 8;

/**
 * The gist of a description: the first sentence of its first paragraph (with the second, when
 * the first is very short), or its first 35 or so words when that sentence runs long, cut
 * between words and never inside code, a link or bold text. A description that does not open
 * with a paragraph, or is no longer than its gist, is all gist.
 */
export function descriptionGist(description: string): DescriptionGist {
  const lines = readMarkdownLines(splitLines(description));
  const start = lines.findIndex((line) => line.kind !== 'blank');
  let end = start;
  while (end >= 0 && lines[end]?.kind === 'text') end++;
  if (start < 0 || end === start) return { gist: description, rest: '' };

  const paragraph = lines
    .slice(start, end)
    .map((line) => line.text)
    .join(' ');
  const after = lines
    .slice(end)
    .map((line) => line.raw)
    .join('\n')
    .trim();
  const sentences = paragraph.split(sentenceEnd);
  let taken = 1;
  const first = sentences[0] ?? '';
  const second = sentences[1];
  if (
    second !== undefined &&
    wordCount(first) < shortSentenceWords &&
    wordCount(`${first} ${second}`) <= gistWords
  ) {
    taken = 2;
  }
  let gist = sentences.slice(0, taken).join(' ');
  let restOfParagraph = sentences.slice(taken).join(' ');
  if (wordCount(gist) > longSentenceWords) {
    const cut = safeCut(gist, gistWords);
    if (cut !== undefined) {
      restOfParagraph = `…${gist.slice(cut).trimStart()}${restOfParagraph === '' ? '' : ` ${restOfParagraph}`}`;
      gist = `${gist.slice(0, cut).trimEnd()}…`;
    }
  }
  const rest = [restOfParagraph, after].filter((part) => part !== '').join('\n\n');
  return { gist, rest };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/**
 * The index of the first space after about `words` words where the text before holds no open code
 * span, link label or bold run; undefined when there is none before the end.
 */
function safeCut(text: string, words: number): number | undefined {
  let seen = 0;
  let backticks = 0;
  let brackets = 0;
  let parentheses = 0;
  let bold = false;
  let italic = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '`') backticks++;
    else if (backticks % 2 === 1) continue;
    else if (char === '[') brackets++;
    else if (char === ']') brackets = Math.max(0, brackets - 1);
    else if (char === '(') parentheses++;
    else if (char === ')') parentheses = Math.max(0, parentheses - 1);
    else if (char === '*' && text[index + 1] === '*') {
      bold = !bold;
      index++;
    } else if (char === '*') italic = !italic;
    else if (char === ' ' && text[index - 1] !== ' ') {
      seen++;
      const closed = brackets === 0 && parentheses === 0 && !bold && !italic;
      if (seen >= words && closed) return index;
    }
  }
  return undefined;
}
