import { describe, expect, it } from 'vitest';
import { parseDescriptionBlocks } from '../../src/markdown/description-blocks';
import { parseInlineSpans } from '../../src/markdown/inline-spans';
import { readMarkdownLines } from '../../src/markdown/markdown-lines';

const size = 30_000;
const repeat = (piece: string) => piece.repeat(Math.ceil(size / piece.length));

/** Text that counts how often its characters are read: the parser's work, without a clock. */
class CountingText extends String {
  reads = 0;
  override charCodeAt(index: number): number {
    this.reads++;
    return super.charCodeAt(index);
  }
}

function readsPerCharacter(text: string): number {
  const counting = new CountingText(text);
  // The parser reads its input through charCodeAt; a String object stands in for the string.
  parseInlineSpans(counting as unknown as string);
  return counting.reads / text.length;
}

describe('inline spans of markdown written to be slow', () => {
  const kinds = {
    'unclosed strong': repeat('**a '),
    'unclosed emphasis': repeat('_a '),
    'open brackets': repeat('['),
    'close brackets': repeat(']'),
    'unclosed links': repeat('[a]('),
    backticks: repeat('`a ``'),
    underscores: repeat('_'),
    'angle brackets': repeat('<'),
    'a long line': repeat('word *x [y] `z '),
  };

  it.each(Object.entries(kinds))('reads %s a bounded number of times per character', (_, text) => {
    // Rescanning the rest of the line from each opener would read thousands of times per character.
    expect(readsPerCharacter(text)).toBeLessThan(20);
  });

  it('leaves openers that never close as the text they are', () => {
    for (const text of [repeat('_a '), repeat('['), repeat('[a]('), repeat('<'), repeat('`')]) {
      expect(parseInlineSpans(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('pairs each strong marker with the next one, as it does in short text', () => {
    const spans = parseInlineSpans('**a '.repeat(2_000));
    expect(spans).toHaveLength(2_000);
    expect(spans.slice(0, 2)).toEqual([
      { kind: 'strong', text: 'a ' },
      { kind: 'text', text: 'a ' },
    ]);
    expect(new Set(spans.map((span) => JSON.stringify(span))).size).toBe(2);
  });

  it('reads code spans between runs of backticks of equal length', () => {
    const spans = parseInlineSpans('``x` `` '.repeat(1_000));
    expect(spans).toHaveLength(2_000);
    expect(spans.filter((span) => span.kind === 'code' && span.text === 'x`')).toHaveLength(1_000);
  });
});

describe('block structure of markdown written to be slow', () => {
  it('reads a line of underscores as a thematic break, and text after it as text', () => {
    expect(readMarkdownLines(['_'.repeat(size)])[0]?.kind).toBe('thematic-break');
    expect(readMarkdownLines([`${'_'.repeat(size)} text`])[0]?.kind).toBe('text');
  });

  it('reads a heading with a long run of spaces inside and around its text', () => {
    const line = readMarkdownLines([`### a${' '.repeat(size)}b${' '.repeat(size)}##  `])[0];
    expect(line?.kind).toBe('heading');
    expect(line?.text).toBe(`a${' '.repeat(size)}b`);
  });

  it('keeps a deeply nested list as one list of its items', () => {
    const items = Array.from(
      { length: 2_000 },
      (_, depth) => `${'  '.repeat(depth)}- item ${depth}`,
    );
    const blocks = parseDescriptionBlocks(items.join('\n'));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.kind).toBe('list');
  });
});
