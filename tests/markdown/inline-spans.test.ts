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

describe('a blank in inline markdown', () => {
  it('is one token before any emphasis rule', () => {
    expect(parseInlineSpans('_____ is a library; _so_ is _____.')).toEqual([
      { kind: 'blank' },
      { kind: 'text', text: ' is a library; ' },
      { kind: 'emphasis', text: 'so' },
      { kind: 'text', text: ' is ' },
      { kind: 'blank' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('splits a code span, emphasis or link label it stands in', () => {
    expect(parseInlineSpans('call `asyncio._____` or *the _____ way*')).toEqual([
      { kind: 'text', text: 'call ' },
      { kind: 'code', text: 'asyncio.' },
      { kind: 'blank' },
      { kind: 'text', text: ' or ' },
      { kind: 'emphasis', text: 'the ' },
      { kind: 'blank' },
      { kind: 'emphasis', text: ' way' },
    ]);
    expect(parseInlineSpans('[_____](https://a.example) and `_____`')).toEqual([
      { kind: 'blank' },
      { kind: 'text', text: ' and ' },
      { kind: 'blank' },
    ]);
  });

  it('is never the closer of emphasis opened before it', () => {
    expect(parseInlineSpans('__init__ and _____')).toEqual([
      { kind: 'strong', text: 'init' },
      { kind: 'text', text: ' and ' },
      { kind: 'blank' },
    ]);
    expect(parseInlineSpans('_open _____ text')).toEqual([
      { kind: 'text', text: '_open ' },
      { kind: 'blank' },
      { kind: 'text', text: ' text' },
    ]);
  });

  it('is not read in a run of underscores of another length', () => {
    for (const run of ['____', '______', '__________']) {
      expect(parseInlineSpans(`fill in ${run} here`)).not.toContainEqual({ kind: 'blank' });
    }
  });
});
