import { beforeAll, describe, expect, it } from 'vitest';
import type { CompileWarning } from '../../src/domain/compile.ts';
import type { Deck } from '../../src/domain/deck.ts';
import { compileFixture, topicTitled, warningsFor } from './compile-fixture.ts';

// One roadmap.sh-style folder whose files each carry one kind of real-world mess.
let deck: Deck;
let warnings: readonly CompileWarning[];
beforeAll(async () => {
  ({ deck, warnings } = await compileFixture('topic-folder/messy-entries'));
});

describe('line ends and encodings', () => {
  it('reads CRLF files without carriage returns in titles, text or urls', () => {
    const topic = topicTitled(deck, 'Windows line ends');
    expect(topic.description).toBe(
      'This entry was saved on Windows, so every line ends with a carriage return and a line feed.',
    );
    expect(topic.resources).toEqual([
      { type: 'article', title: 'Line ends explained', url: 'https://example.org/line-ends' },
    ]);
    expect(JSON.stringify(deck)).not.toContain('\\r');
  });

  it('reads lone CR line ends as line breaks', () => {
    const topic = topicTitled(deck, 'Old Mac line ends');
    expect(topic.description).toBe(
      'This entry uses a lone carriage return between lines, as classic Mac OS did.',
    );
    expect(topic.resources.map((resource) => resource.title)).toEqual(['Carriage returns']);
  });

  it('drops a UTF-8 byte order mark before the title', () => {
    expect(deck.topics.map((topic) => topic.title)).toContain('Byte order mark');
    expect(JSON.stringify(deck)).not.toContain('\ufeff');
  });

  it('reads a file without a final newline to its last character', () => {
    const topic = topicTitled(deck, 'No final newline');
    expect(topic.resources).toEqual([
      { type: 'official', title: 'Example site', url: 'https://example.org/' },
    ]);
  });
});

describe('headings', () => {
  it('takes "#Title" without a space as the title, with a warning', () => {
    expect(topicTitled(deck, 'Glued heading').description).toBe(
      'The title of this entry has no space after its hash mark.',
    );
    expect(warningsFor(warnings, 'glued-heading@glue00001.md')).toEqual([
      '1: heading has no space after "#", read as a heading: Glued heading',
    ]);
  });

  it('takes an underlined (setext) title, and keeps a --- after a blank line as a break', () => {
    const topic = topicTitled(deck, 'Setext title');
    expect(topic.description).toBe(
      [
        'The title above is underlined instead of marked with a hash.',
        '',
        '---',
        '',
        'A thematic break after a blank line separates two paragraphs and is not a heading.',
      ].join('\n'),
    );
  });
});

describe('resource lists', () => {
  it('accepts * and + bullets', () => {
    expect(topicTitled(deck, 'Star bullets').resources).toEqual([
      { type: 'official', title: 'Star site', url: 'https://example.org/star' },
      { type: 'video', title: 'Plus talk', url: 'https://example.org/plus' },
    ]);
  });

  it('never keeps an intro line, whatever its wording, in the description', () => {
    const variant = topicTitled(deck, 'Intro variant');
    expect(variant.description).toBe(
      'The line that introduces the resources is worded differently here.',
    );
    expect(variant.resources.map((resource) => resource.type)).toEqual(['course']);
    for (const topic of deck.topics) expect(topic.description).not.toMatch(/following resources/i);
  });

  it('takes a final list of links without an intro line as the resources', () => {
    const topic = topicTitled(deck, 'No intro line');
    expect(topic.description).toBe(
      'Some entries list their resources straight after the description.',
    );
    expect(topic.resources.map((resource) => [resource.type, resource.title])).toEqual([
      ['book', 'A book on the subject'],
      ['podcast', 'An episode about it'],
    ]);
  });

  it('drops links that are not http or https, each with a warning', () => {
    expect(topicTitled(deck, 'Unsafe links').resources).toEqual([
      { type: 'article', title: 'Kept link', url: 'https://example.org/kept' },
    ]);
    expect(warningsFor(warnings, 'bad-links@link00001.md')).toEqual([
      '7: link is not http or https, dropped: javascript:alert(1)',
      '8: link is not http or https, dropped: data:text/html,hello',
      '9: link is not http or https, dropped: ftp://example.org/file',
      '10: link is not http or https, dropped: ../other-topic.md',
    ]);
  });

  it('drops resource items that are not links, with a warning', () => {
    expect(topicTitled(deck, 'Items that are not links').resources).toEqual([
      { type: 'official', title: 'A proper link', url: 'https://example.org/proper' },
    ]);
    expect(warningsFor(warnings, 'not-links@nlnk00001.md')).toEqual([
      '7: resource list item is not a link, dropped: the official documentation, searched by hand',
    ]);
  });

  it('recovers types glued to titles, GitHub included', () => {
    expect(topicTitled(deck, 'Glued types').resources).toEqual([
      { type: 'official', title: 'Glued — Official Website', url: 'https://example.org/official' },
      {
        type: 'opensource',
        title: 'GitHub Repository',
        url: 'https://github.com/example/glued',
      },
      { type: 'article', title: 'glued for beginners', url: 'https://example.org/article' },
      { type: 'video', title: 'A glued talk', url: 'https://example.org/video' },
    ]);
  });

  it('files unknown @type@ markers and untyped links under "other", warning about the marker', () => {
    expect(topicTitled(deck, 'Unknown type').resources).toEqual([
      { type: 'other', title: 'A weekly letter', url: 'https://example.org/letter' },
      { type: 'other', title: 'Untyped link', url: 'https://example.org/untyped' },
      { type: 'article', title: 'Um artigo em português', url: 'https://example.org/artigo' },
    ]);
    expect(warningsFor(warnings, 'unknown-type@unkn00001.md')).toEqual([
      '5: unknown resource type "newsletter", kept as a link: A weekly letter',
    ]);
  });

  it('drops a resource line whose link is broken, naming its line, and keeps it out of the description', () => {
    const topic = topicTitled(deck, 'Broken link');
    expect(topic.description).toBe(
      'A resource line whose link lost its closing parenthesis is not part of the description.',
    );
    expect(topic.resources).toEqual([
      { type: 'video', title: 'A talk that is fine', url: 'https://example.org/talk' },
    ]);
    expect(warningsFor(warnings, 'broken-link@brkn00001.md')).toEqual([
      '5: resource link is broken (a missing ")" or "]"?), dropped: [@article@Unclosed](https://example.com/q',
    ]);
  });

  it('drops each broken link of a resource list after an intro line, keeping the others', () => {
    expect(topicTitled(deck, 'Broken link after an intro').resources).toEqual([
      { type: 'official', title: 'The documentation', url: 'https://example.org/docs' },
    ]);
    expect(warningsFor(warnings, 'broken-link-after-intro@brkn00002.md')).toEqual([
      '8: resource link is broken (a missing ")" or "]"?), dropped: [@article@Unclosed](https://example.com/q',
      '9: resource link is broken (a missing ")" or "]"?), dropped: [@feed]Latest posts](https://example.org/feed)',
    ]);
  });
});

describe('descriptions', () => {
  it('keeps several paragraphs, one blank line apart, and a list that is not resources', () => {
    const topic = topicTitled(deck, 'Paragraphs and a list');
    expect(topic.description).toBe(
      [
        'The first paragraph says what the topic is.',
        '',
        'The second paragraph, after two blank lines, gives more detail.',
        'A list of points belongs to the description too:',
        '',
        '- points in a list stay as they are',
        '- a [link inside the description](https://example.org/inline) stays as markdown',
      ].join('\n'),
    );
    expect(topic.resources.map((resource) => resource.title)).toEqual(['The real resource']);
  });

  it('keeps inline code and fenced code verbatim; lines in a fence are neither headings nor resources', () => {
    const topic = topicTitled(deck, 'Code in descriptions');
    expect(topic.description).toBe(
      [
        'Call `asyncio.run(main())` once, at the top of a program:',
        '',
        '```python',
        '# this is a comment, not a heading',
        'import asyncio',
        '',
        '- [not a resource](javascript:alert(1))',
        '```',
      ].join('\n'),
    );
    expect(topic.resources.map((resource) => resource.title)).toEqual(['asyncio docs']);
    expect(warningsFor(warnings, 'inline-and-fenced-code@code00001.md')).toEqual([]);
  });

  it('keeps raw HTML as the literal text the author typed', () => {
    expect(topicTitled(deck, 'Raw HTML').description).toBe(
      "Markup such as <script>alert('x')</script> and <b>bold tags</b> is kept as literal text.",
    );
  });
});

describe('entries with nothing to learn', () => {
  it('skips an empty file with a warning', () => {
    expect(deck.topics.some((topic) => topic.id === 'empty0001')).toBe(false);
    expect(warningsFor(warnings, 'empty@empty0001.md')).toEqual(['1: empty file, skipped']);
  });

  it('skips a title-only entry with a warning', () => {
    expect(deck.topics.some((topic) => topic.title === 'Title only')).toBe(false);
    expect(warningsFor(warnings, 'title-only@titl00001.md')).toEqual([
      '1: topic has no description, skipped: Title only',
    ]);
  });
});

it('gives every warning a path inside the deck and a 1-based line', () => {
  for (const warning of warnings) {
    expect(warning.path).toMatch(/messy-entries\/[^/]+\.md$/);
    expect(warning.line).toBeGreaterThanOrEqual(1);
  }
});
