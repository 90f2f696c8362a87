import { expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { Deck } from '../../src/domain/deck.ts';
import { topicFolderSource } from '../support/deck-sources.ts';
import { compileFixture, warningsFor } from './compile-fixture.ts';

function topic(title: string, text: string): string {
  return `# ${title}

${text}

Visit the following resources to learn more:

- [@article@A longer read](https://example.org/${encodeURIComponent(title)})
`;
}

const files = {
  'bundlers@b1.md': topic(
    'Bundlers',
    'A bundler joins many source modules into a few files a browser loads.',
  ),
  'css@c1.md': topic(
    'CSS',
    'Style sheets describe how the elements of a page look and where they sit.',
  ),
  'html@h1.md': topic(
    'HTML',
    'Markup gives a page its structure: headings, paragraphs, links and forms.',
  ),
  'javascript@j1.md': topic(
    'JavaScript',
    'The language browsers run to make a page respond to its reader.',
  ),
};

const titles = (deck: Deck | undefined) => deck?.topics.map((entry) => entry.title);
const quizTopics = (deck: Deck | undefined) =>
  deck?.quiz.map((item) => deck.topics.find((entry) => entry.id === item.topicId)?.title);
const newCardTopics = (deck: Deck | undefined) =>
  deck?.cards
    .filter((card) => card.kind === 'term')
    .map((card) => deck.topics.find((entry) => entry.id === card.topicId)?.title);

it('orders topics, cards and quiz questions as the index lists them', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/frontend/content', {
      ...files,
      'index.md': `# Frontend

The parts of a web page, from its markup to the tools that ship it.

- [HTML](html@h1.md)
- [CSS](./css@c1.md)
- [JavaScript](javascript@j1.md)
- [Bundlers](bundlers@b1.md)
`,
    }),
  ]);
  const deck = decks[0];
  const order = ['HTML', 'CSS', 'JavaScript', 'Bundlers'];
  expect(titles(deck)).toEqual(order);
  expect(newCardTopics(deck)).toEqual(order);
  expect(quizTopics(deck)).toEqual(order);
  expect(deck?.sections[0]?.description).toBe(
    'The parts of a web page, from its markup to the tools that ship it.',
  );
  expect(deck?.sections[0]?.resources).toEqual([]);
  expect(warnings).toEqual([]);
});

it('puts the files the index leaves out after the listed ones, in natural order', () => {
  const { decks } = compileDecks([
    topicFolderSource('frontend', {
      ...files,
      'index.md': '# Frontend\n\n1. [JavaScript](javascript@j1.md)\n',
    }),
  ]);
  expect(titles(decks[0])).toEqual(['JavaScript', 'Bundlers', 'CSS', 'HTML']);
});

it('orders by file name without an index, or with one that lists nothing', () => {
  const alphabetical = ['Bundlers', 'CSS', 'HTML', 'JavaScript'];
  const bare = compileDecks([topicFolderSource('frontend', files)]);
  expect(titles(bare.decks[0])).toEqual(alphabetical);
  const titled = compileDecks([
    topicFolderSource('frontend', { ...files, 'index.md': '# Frontend\n' }),
  ]);
  expect(titles(titled.decks[0])).toEqual(alphabetical);
});

it('warns, with file and line, of an index entry naming a file the folder does not hold', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('frontend', {
      ...files,
      'index.md': `# Frontend

- [HTML](html@h1.md)
- [Accessibility](accessibility@a1.md)
- [CSS](css@c1.md)
`,
    }),
  ]);
  expect(titles(decks[0])).toEqual(['HTML', 'CSS', 'Bundlers', 'JavaScript']);
  expect(warningsFor(warnings, 'index.md')).toEqual([
    '4: index lists a file the folder does not hold, ignored: accessibility@a1.md',
  ]);
});

it('orders a subfolder by its own index, its links read from that folder', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('frontend', {
      'html@h1.md': files['html@h1.md'],
      'css@c1.md': files['css@c1.md'],
      'tools/index.md': '# Tools\n\n- [Bundlers](bundlers@b1.md)\n- [HTML](../html@h1.md)\n',
      'tools/linters@l1.md': topic('Linters', 'A linter reads code and points at likely mistakes.'),
      'tools/bundlers@b1.md': files['bundlers@b1.md'],
    }),
  ]);
  expect(decks[0]?.sections.map((section) => section.title)).toEqual(['Frontend', 'Tools']);
  // The subfolder's link back to html@h1.md ranks it, but a file stays in its own folder.
  expect(titles(decks[0])).toEqual(['HTML', 'CSS', 'Bundlers', 'Linters']);
  expect(warnings).toEqual([]);
});

it('teaches the bundled async ecosystem deck from the language up: asyncio before AnyIO', async () => {
  const { deck } = await compileFixture('../../decks/python-async-ecosystem');
  const order = titles(deck) ?? [];
  expect(order.slice(0, 3)).toEqual(['Coroutines and async/await', 'The event loop', 'asyncio']);
  expect(order.indexOf('asyncio')).toBeLessThan(order.indexOf('AnyIO'));
  expect(order.indexOf('ASGI')).toBeLessThan(order.indexOf('FastAPI'));
  expect(quizTopics(deck)?.[0]).toBe('Coroutines and async/await');
});
