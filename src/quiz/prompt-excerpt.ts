import { readMarkdownLines } from '../markdown/markdown-lines';
import { splitLines } from '../markdown/split-lines';

const sentenceEnd = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'“‘(`_])/u;

/**
 * The part of a description a quiz question shows: the first two sentences of its first
 * paragraph, as plain text (links become their labels, bold and italic marks go). Code blocks and
 * lists are skipped; a description with no paragraph falls back to all its text.
 */
export function promptExcerpt(description: string): string {
  const lines = readMarkdownLines(splitLines(description));
  let paragraph: string[] = [];
  for (const line of lines) {
    if (line.kind === 'text') paragraph.push(line.text);
    else if (paragraph.length > 0) break;
  }
  if (paragraph.length === 0) {
    paragraph = lines
      .filter(
        (line) => line.kind === 'text' || line.kind === 'list-item' || line.kind === 'heading',
      )
      .map((line) => line.text);
  }
  if (paragraph.length === 0) paragraph = lines.map((line) => line.raw.trim());
  const text = plainText(paragraph.join(' '));
  const sentences = text.split(sentenceEnd);
  let excerpt = sentences[0] ?? '';
  // A very short first sentence ("It is fast.") needs the next one to say what it is about.
  for (let index = 1; index < sentences.length && index < 3; index++) {
    if (index >= 2 && excerpt.length >= 80) break;
    excerpt += ` ${sentences[index]}`;
  }
  return excerpt;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
