import { expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { topicFolderSource } from '../support/deck-sources.ts';
import { warningsFor } from './compile-fixture.ts';

const resources = `Visit the following resources to learn more:

- [@official@Project home](https://example.org/)
`;

const queues = `# Queues

A queue hands items over in the order they arrived: the first one put in is the first one out.

${resources}`;

const stacks = `# Stacks

A stack hands back the item put in last before any other, like plates piled on a shelf.

${resources}`;

it('names a folder called content after its parent, as roadmap.sh lays out each roadmap', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/data-structures/content', {
      'queues@q1.md': queues,
      'stacks@s1.md': stacks,
    }),
    topicFolderSource('roadmaps/python/content/', {
      'queues@q2.md': queues,
      'stacks@s2.md': stacks,
    }),
  ]);
  expect(decks.map((deck) => [deck.id, deck.title])).toEqual([
    ['data-structures', 'Data structures'],
    ['python', 'Python'],
  ]);
  expect(warnings).toEqual([]);
});

it('keeps the name content for a folder with no parent given', () => {
  const { decks } = compileDecks([topicFolderSource('content', { 'queues@q1.md': queues })]);
  expect(decks.map((deck) => [deck.id, deck.title])).toEqual([['content', 'Content']]);
});

it('takes the title from the file name, with a warning, under a heading "# undefined"', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/stats/content', {
      'spread@sp1.md': `# undefined

Spread tells how far the values of a sample lie from their centre; range and variance measure it.

${resources}`,
      'queues@q1.md': queues,
    }),
  ]);
  expect(decks[0]?.topics.map((topic) => topic.title)).toEqual(['Queues', 'Spread']);
  expect(warningsFor(warnings, 'spread@sp1.md')).toEqual([
    '1: heading "undefined" names no topic, title taken from the file name: Spread',
  ]);
});

it('takes the title from a first line that restates the file name under "# undefined"', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/web/content', {
      'request-routing@rr1.md': `# undefined

|# Request Routing

Request routing sends each incoming request to the handler whose path pattern matches it.

${resources}`,
      'queues@q1.md': queues,
    }),
  ]);
  const topic = decks[0]?.topics.find((candidate) => candidate.id === 'rr1');
  expect(topic?.title).toBe('Request Routing');
  expect(topic?.description).toBe(
    'Request routing sends each incoming request to the handler whose path pattern matches it.',
  );
  expect(warningsFor(warnings, 'request-routing@rr1.md')).toEqual([
    '1: heading "undefined" names no topic, title taken from the next line: Request Routing',
  ]);
});

it('keeps "# undefined" as the title of a file named for it', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/js/content', {
      'undefined@u1.md': `# undefined

\`undefined\` is the value a declared variable holds until something is assigned to it.

${resources}`,
      'queues@q1.md': queues,
    }),
  ]);
  expect(decks[0]?.topics.map((topic) => topic.title)).toEqual(['Queues', 'undefined']);
  expect(warnings).toEqual([]);
});

it('skips a heading that only names a kind of resource, ATX or underlined, with a warning', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/pm/content', {
      'pilots@p1.md': `# Pilots

A pilot puts a product before a handful of customers before it is offered to everyone.

# Articles

${resources}`,
      'prompt-context@c1.md': `# Prompt context

Articles
========

${resources}`,
      'queues@q1.md': queues,
    }),
  ]);
  const topics = decks[0]?.topics ?? [];
  expect(topics.map((topic) => topic.title)).toEqual(['Pilots', 'Queues']);
  expect(topics[0]?.description).toBe(
    'A pilot puts a product before a handful of customers before it is offered to everyone.',
  );
  expect(topics[0]?.resources.map((resource) => resource.title)).toEqual(['Project home']);
  expect(warningsFor(warnings, 'pilots@p1.md')).toEqual([
    '5: heading names no topic, skipped: Articles',
  ]);
  expect(warningsFor(warnings, 'prompt-context@c1.md')).toEqual([
    '3: heading names no topic, skipped: Articles',
    '1: topic has no description, skipped: Prompt context',
  ]);
});

it('reads the resource intro written as a heading as the intro, not as description', () => {
  const { decks, warnings } = compileDecks([
    topicFolderSource('roadmaps/games/content', {
      'barriers@b1.md': `# Barriers

A barrier holds every thread that reaches it until the last of them arrives.

# Visit the following resources to learn more:

- [@article@Waiting together](https://example.org/barriers)
`,
      'queues@q1.md': queues,
    }),
  ]);
  const barrier = decks[0]?.topics.find((topic) => topic.id === 'b1');
  expect(barrier?.description).toBe(
    'A barrier holds every thread that reaches it until the last of them arrives.',
  );
  expect(barrier?.resources.map((resource) => resource.title)).toEqual(['Waiting together']);
  expect(warnings).toEqual([]);
});

it('reads the Portuguese resource intro of translated roadmaps as the intro', () => {
  const { decks } = compileDecks([
    topicFolderSource('roadmaps/dados/content', {
      'filas@f1.md': `# Filas

Uma fila entrega os itens na ordem em que chegaram.

Acesse os seguintes recursos para saber mais:

- [@article@Filas explicadas](https://example.org/filas)
`,
      'queues@q1.md': queues,
    }),
  ]);
  const fila = decks[0]?.topics.find((topic) => topic.id === 'f1');
  expect(fila?.description).toBe('Uma fila entrega os itens na ordem em que chegaram.');
  expect(fila?.resources.map((resource) => resource.title)).toEqual(['Filas explicadas']);
});

it('drops a resource intro line written twice from the description', () => {
  const { decks } = compileDecks([
    topicFolderSource('roadmaps/web/content', {
      'contrast@c2.md': `# Contrast

Text needs enough contrast with its background to be read by people with low vision.

Visit the following resources to learn more:

Visit the following resources to learn more:

- [@article@Checking contrast](https://example.org/contrast)
`,
      'queues@q1.md': queues,
    }),
  ]);
  const contrast = decks[0]?.topics.find((topic) => topic.id === 'c2');
  expect(contrast?.description).toBe(
    'Text needs enough contrast with its background to be read by people with low vision.',
  );
  expect(contrast?.resources.map((resource) => resource.title)).toEqual(['Checking contrast']);
});
