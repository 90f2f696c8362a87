import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';

const size = 30_000;
const repeat = (piece: string) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);

// Each kind repeats a piece that a parser which rescans from every opener reads quadratically.
const kinds = {
  'unclosed strong': repeat('**a '),
  'unclosed emphasis': repeat('_a '),
  'open brackets': repeat('['),
  'close brackets': repeat(']'),
  'open parentheses': repeat('('),
  'unclosed links': repeat('[a]('),
  backticks: repeat('`a ``'),
  underscores: `${repeat('_')} text`,
  'angle brackets': repeat('<'),
  'a long line': repeat('word *x [y] `z '),
};

function compileDescribed(description: string) {
  const content = `# Slow deck\n\n## Section\n\n### Payload\n\n${description}\n\n### Other\n\nA short description.\n`;
  return compileDecks([
    { path: 'slow.md', layout: 'single-file', files: [{ path: 'slow.md', content }] },
  ]);
}

describe('compiling markdown written to be slow', () => {
  it.each(Object.entries(kinds))(
    'keeps %s as the description, with cards and a quiz',
    (_, text) => {
      const { decks } = compileDescribed(text);
      const deck = decks[0];
      expect(deck?.topics.map((topic) => topic.title)).toEqual(['Payload', 'Other']);
      expect(deck?.topics[0]?.description).toBe(text.trimEnd());
      expect(deck?.cards.map((card) => card.kind)).toEqual([
        'term',
        'recall',
        'quiz',
        'term',
        'recall',
        'quiz',
      ]);
      expect(deck?.quiz[0]?.options).toHaveLength(2);
    },
  );

  it('reads many headings and many resources', () => {
    const headings = Array.from({ length: 2_000 }, (_, index) => `#### Part ${index}\n\nText.`);
    const resources = Array.from(
      { length: 2_000 },
      (_, index) => `- [@article@Read ${index}](https://a.example/${index})`,
    );
    const description = `${headings.join('\n\n')}\n\nVisit the following resources to learn more:\n\n${resources.join('\n')}`;
    const payload = compileDescribed(description).decks[0]?.topics[0];
    expect(payload?.description).toBe(headings.join('\n\n'));
    expect(payload?.resources).toHaveLength(2_000);
    expect(payload?.resources[1_999]).toEqual({
      type: 'article',
      title: 'Read 1999',
      url: 'https://a.example/1999',
    });
  });
});
