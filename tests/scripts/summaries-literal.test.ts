import { describe, expect, it } from 'vitest';
import { summariesLiteral } from '../../scripts/build/vite-plugin-decks';

const evaluate = (literal: string): unknown => new Function(`return ${literal};`)();

describe('summariesLiteral', () => {
  const tricky = { title: `It's a "deck" \\ with\nodd text \u2028 and émoji 🐍` };

  it('keeps small summaries an object literal', () => {
    const json = JSON.stringify([tricky]);
    expect(summariesLiteral(json)).toBe(json);
  });

  it('wraps large summaries in JSON.parse, and the module gets back exactly the same data', () => {
    const large = [
      tricky,
      { ids: Array.from({ length: 2000 }, (_, index) => `deck/topic-${index}:term`) },
    ];
    const literal = summariesLiteral(JSON.stringify(large));
    expect(literal.startsWith("JSON.parse('")).toBe(true);
    expect(evaluate(literal)).toEqual(large);
  });
});
