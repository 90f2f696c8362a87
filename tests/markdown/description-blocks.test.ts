import { describe, expect, it } from 'vitest';
import { parseDescriptionBlocks } from '../../src/markdown/description-blocks';

describe('parseDescriptionBlocks', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseDescriptionBlocks('First line\nstill first.\n\nSecond.')).toEqual([
      { kind: 'paragraph', text: 'First line still first.' },
      { kind: 'paragraph', text: 'Second.' },
    ]);
  });

  it('reads bullet and numbered lists, with indented continuation lines', () => {
    expect(parseDescriptionBlocks('Intro:\n- one\n  more\n* two\n\n1. first\n2) second')).toEqual([
      { kind: 'paragraph', text: 'Intro:' },
      { kind: 'list', ordered: false, items: ['one more', 'two'] },
      { kind: 'list', ordered: true, items: ['first', 'second'] },
    ]);
  });

  it('keeps fenced code verbatim, headings and blank lines included', () => {
    const markdown = 'Run it:\n\n```python\n# not a heading\n\nawait main()\n```\nAfter.';
    expect(parseDescriptionBlocks(markdown)).toEqual([
      { kind: 'paragraph', text: 'Run it:' },
      { kind: 'code', language: 'python', code: '# not a heading\n\nawait main()' },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('treats an unclosed fence as code to the end, and CRLF like LF', () => {
    expect(parseDescriptionBlocks('a\r\n\r\n~~~\r\nx = 1\r\n')).toEqual([
      { kind: 'paragraph', text: 'a' },
      { kind: 'code', language: '', code: 'x = 1\n' },
    ]);
  });

  it('leaves raw HTML as the text it is', () => {
    expect(parseDescriptionBlocks('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });
});
