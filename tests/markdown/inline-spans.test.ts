import { describe, expect, it } from 'vitest';
import { isWebUrl, parseInlineSpans } from '../../src/markdown/inline-spans';

describe('parseInlineSpans', () => {
  it('finds code, links, strong and emphasis between plain text', () => {
    expect(
      parseInlineSpans(
        'Use `async def` with [the docs](https://docs.python.org/) — **fast** and *neat*.',
      ),
    ).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'async def' },
      { kind: 'text', text: ' with ' },
      { kind: 'link', text: 'the docs', url: 'https://docs.python.org/' },
      { kind: 'text', text: ' — ' },
      { kind: 'strong', text: 'fast' },
      { kind: 'text', text: ' and ' },
      { kind: 'emphasis', text: 'neat' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('does not interpret markdown inside a code span', () => {
    expect(parseInlineSpans('`**not bold** [x](https://a.b)`')).toEqual([
      { kind: 'code', text: '**not bold** [x](https://a.b)' },
    ]);
  });

  it('turns links with other schemes into their text alone', () => {
    expect(parseInlineSpans('[click](javascript:alert(1))')[0]).toEqual({
      kind: 'text',
      text: 'click',
    });
    expect(parseInlineSpans('[x](data:text/html,hi)')).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('leaves snake_case names alone', () => {
    expect(parseInlineSpans('call run_until_complete now')).toEqual([
      { kind: 'text', text: 'call run_until_complete now' },
    ]);
  });

  it('accepts only http and https as web addresses', () => {
    expect(
      ['https://a.org', 'HTTP://a.org/x', 'ftp://a.org', 'javascript:x', '/rel'].map(isWebUrl),
    ).toEqual([true, true, false, false, false]);
  });
});
