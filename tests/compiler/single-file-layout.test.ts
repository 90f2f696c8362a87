import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { singleFileSource } from '../support/deck-sources.ts';
import { compileFixture, fixturePath, topicTitled, warningsFor } from './compile-fixture.ts';

describe('a single-file deck', () => {
  it('takes the # title as the deck title and its slug as the deck id', async () => {
    const { deck } = await compileFixture('single-file/web-frameworks.md');
    expect(deck.title).toBe('Async web frameworks');
    expect(deck.id).toBe('async-web-frameworks');
    expect(deck.source).toMatch(/single-file\/web-frameworks\.md$/);
  });

  it('makes ## headings sections and ### headings topics, in document order', async () => {
    const { deck } = await compileFixture('single-file/web-frameworks.md');
    expect(deck.sections.map((section) => [section.id, section.title])).toEqual([
      ['async-web-frameworks/frameworks', 'Frameworks'],
      ['async-web-frameworks/clients', 'Clients'],
    ]);
    expect(deck.sections[0]?.topicIds).toEqual([
      'async-web-frameworks/frameworks/starlette',
      'async-web-frameworks/frameworks/fastapi',
      'async-web-frameworks/frameworks/quart',
      'async-web-frameworks/frameworks/starlette-2',
    ]);
    expect(deck.topics.map((topic) => topic.sectionId)).toEqual([
      ...Array(4).fill('async-web-frameworks/frameworks'),
      'async-web-frameworks/clients',
    ]);
  });

  it('keeps the text under a ## before its first ### as the section description, not a topic', async () => {
    const { deck } = await compileFixture('single-file/web-frameworks.md');
    const frameworks = deck.sections[0];
    expect(frameworks?.description).toBe(
      'Frameworks that serve web requests without blocking the process.',
    );
    expect(frameworks?.resources).toEqual([
      { type: 'article', title: 'A survey of async frameworks', url: 'https://example.org/survey' },
    ]);
  });

  it('drops sections without topics and topics without descriptions, with warnings', async () => {
    const { deck, warnings } = await compileFixture('single-file/web-frameworks.md');
    expect(deck.sections.map((section) => section.title)).not.toContain('Contents');
    expect(deck.topics.map((topic) => topic.title)).not.toContain('Empty topic');
    expect(warningsFor(warnings, 'web-frameworks.md')).toEqual([
      '3: section has no topics, dropped: Contents',
      '44: topic has no description, skipped: Empty topic',
      '46: section has no topics, dropped: Servers',
      `34: the title "Starlette" is also the title of ${fixturePath('single-file/web-frameworks.md')}:15; quiz options call this one "Starlette (2)"`,
    ]);
  });

  it('reads a topic description and resources like a topic file', async () => {
    const { deck } = await compileFixture('single-file/web-frameworks.md');
    const fastapi = topicTitled(deck, 'FastAPI');
    expect(fastapi.description).toBe(
      'FastAPI builds APIs from type hints and generates OpenAPI documents for them.',
    );
    expect(fastapi.resources.map((resource) => resource.type)).toEqual(['official', 'opensource']);
    expect(topicTitled(deck, 'Quart').resources).toEqual([]);
  });

  it('names a deck without a # title after its file', async () => {
    const { deck } = await compileFixture('single-file/untitled-notes.txt');
    expect(deck.id).toBe('untitled-notes');
    expect(deck.title).toBe('Untitled notes');
    expect(deck.topics.map((topic) => topic.id)).toEqual([
      'untitled-notes/concurrency/threads',
      'untitled-notes/concurrency/processes',
    ]);
  });

  it('reads ## headings as topics of one section when the document has no ###', async () => {
    const { deck } = await compileFixture('single-file/flat-topics.md');
    expect(deck.sections.map((section) => [section.id, section.title])).toEqual([
      ['flat-deck/flat-deck', 'Flat deck'],
    ]);
    expect(deck.topics.map((topic) => topic.title)).toEqual(['First topic', 'Second topic']);
  });

  it('puts topics that come before any section into a section titled like the deck', () => {
    const { decks } = compileDecks([
      singleFileSource(
        'early.md',
        '# Early\n\n### Before\n\nA topic before any section.\n\n## Later\n\n### After\n\nA topic in a section.\n',
      ),
    ]);
    expect(decks[0]?.sections.map((section) => [section.id, section.title])).toEqual([
      ['early/early', 'Early'],
      ['early/later', 'Later'],
    ]);
  });

  it('reads setext headings: === for the deck title, --- for a section', () => {
    const { decks } = compileDecks([
      singleFileSource(
        'setext.md',
        'Setext deck\n===========\n\nSection one\n-----------\n\n### Topic\n\nText of the topic.\n\n---\n\nMore text after a break.\n',
      ),
    ]);
    const deck = decks[0];
    expect(deck?.title).toBe('Setext deck');
    expect(deck?.sections.map((section) => section.title)).toEqual(['Section one']);
    expect(deck?.topics[0]?.description).toBe(
      'Text of the topic.\n\n---\n\nMore text after a break.',
    );
  });

  it('does not read # lines inside a code fence as headings', () => {
    const { decks } = compileDecks([
      singleFileSource(
        'fence.md',
        '# Fence\n\n## Shell\n\n### Comments\n\nShell comments start with a hash:\n\n```sh\n### not a topic\n## not a section\n```\n\n### Pipes\n\nA pipe joins two commands.\n',
      ),
    ]);
    expect(decks[0]?.topics.map((topic) => topic.title)).toEqual(['Comments', 'Pipes']);
    expect(decks[0]?.topics[0]?.description).toContain('### not a topic\n## not a section');
  });

  it('warns about text before the first section and reads a second # as a section', () => {
    const { decks, warnings } = compileDecks([
      singleFileSource(
        'stray.md',
        '# Stray\n\nAn introduction nobody studies.\n\n# Second part\n\n### Topic\n\nSomething to learn.\n\n### Other\n\nMore to learn.\n',
      ),
    ]);
    expect(decks[0]?.sections.map((section) => section.title)).toEqual(['Second part']);
    expect(warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual([
      '3: text before the first section belongs to no topic, dropped',
      '5: another "#" heading, read as a section: Second part',
    ]);
  });

  it('yields no deck for a document without any topic, with a warning on the deck path', () => {
    const result = compileDecks([
      singleFileSource('empty.md', '# Only a title\n\n## And a section\n'),
    ]);
    expect(result.decks).toEqual([]);
    expect(result.warnings).toContainEqual({
      path: 'empty.md',
      line: 0,
      message: 'no topic with a description, no deck',
    });
  });
});
