import { describe, expect, it } from 'vitest';
import { promptExcerpt } from '../../src/quiz/prompt-excerpt';
import { createTermMatcher } from '../../src/quiz/term-matcher';
import { titleTerms } from '../../src/quiz/title-terms';

const size = 30_000;
const repeat = (piece: string) => piece.repeat(Math.ceil(size / piece.length));

describe('quiz excerpts of markdown written to be slow', () => {
  it('keeps markers that never close as text', () => {
    for (const text of [repeat('**a '), repeat('['), repeat('[a]('), repeat('__a ')]) {
      expect(promptExcerpt(text)).toBe(text.trim());
    }
  });

  it('still drops bold marks and link targets around long runs', () => {
    const run = repeat('x');
    expect(promptExcerpt(`**${run}** and [${run}](https://a.example/${run})`)).toBe(
      `${run} and ${run}`,
    );
  });
});

describe('title terms of titles written to be slow', () => {
  it('keeps a title of unclosed parentheses whole', () => {
    const title = repeat('(');
    expect(titleTerms(title)).toEqual([title]);
  });

  it('strips closing punctuation and reads parenthesised parts of long titles', () => {
    expect(titleTerms(`Loop${'.'.repeat(size)}`)).toContain('Loop');
    expect(titleTerms(`Event loop (${repeat('a')})`)).toEqual([
      `Event loop (${repeat('a')})`,
      repeat('a'),
      'Event loop',
    ]);
  });

  it('leaves a text shorter than a long title as it is', () => {
    const text = 'a '.repeat(size / 4);
    expect(createTermMatcher('a '.repeat(size / 2)).mask(text)).toBe(text);
  });

  it('masks a term in a long text of near misses', () => {
    const text = `${repeat('asyn ')}asyncio`;
    expect(createTermMatcher('asyncio').mask(text)).toBe(`${repeat('asyn ')}_____`);
  });
});
