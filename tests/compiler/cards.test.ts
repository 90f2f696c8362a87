import { expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { compileOne, singleFileSource } from '../support/deck-sources.ts';

const compileServers = (content: string) => compileOne(singleFileSource('servers.md', content));

const servers = `# Servers

## ASGI

### Uvicorn

Uvicorn is a fast ASGI server. Many Uvicorn users deploy it behind a proxy.

### Hypercorn

Hypercorn serves ASGI apps over HTTP/2 as well.
`;

it('makes a term, a recall and a quiz card per topic, with ids <topicId>:<kind>', () => {
  const deck = compileServers(servers);
  expect(deck.cards.map((card) => card.id)).toEqual([
    'servers/asgi/uvicorn:term',
    'servers/asgi/uvicorn:recall',
    'servers/asgi/uvicorn:quiz',
    'servers/asgi/hypercorn:term',
    'servers/asgi/hypercorn:recall',
    'servers/asgi/hypercorn:quiz',
  ]);
});

it('puts the term on the front of a term card and its description on the back', () => {
  const term = compileServers(servers).cards[0];
  expect([term?.kind, term?.front, term?.back]).toEqual([
    'term',
    'Uvicorn',
    'Uvicorn is a fast ASGI server. Many Uvicorn users deploy it behind a proxy.',
  ]);
});

it('masks every mention of the term on the front of a recall card', () => {
  const recall = compileServers(servers).cards[1];
  expect([recall?.kind, recall?.front, recall?.back]).toEqual([
    'recall',
    '_____ is a fast ASGI server. Many _____ users deploy it behind a proxy.',
    'Uvicorn',
  ]);
});

it('gives the quiz card the quiz prompt and the title, and the item the same id', () => {
  const deck = compileServers(servers);
  const quizCard = deck.cards[2];
  expect(quizCard?.front).toBe(deck.quiz[0]?.prompt);
  expect(quizCard?.back).toBe('Uvicorn');
  expect(deck.quiz[0]?.id).toBe(quizCard?.id);
});

it('changes a content hash when the text changes, never the card id', () => {
  const before = compileServers(servers);
  const after = compileServers(servers.replace('a fast ASGI server', 'a quick ASGI server'));
  expect(after.cards.map((card) => card.id)).toEqual(before.cards.map((card) => card.id));
  expect(after.cards[0]?.contentHash).not.toBe(before.cards[0]?.contentHash);
  expect(after.cards[3]?.contentHash).toBe(before.cards[3]?.contentHash);
  expect(before.cards[0]?.contentHash).toMatch(/^[0-9a-f]{8}$/);
});

it('gives a deck of one topic study cards but no quiz, with a warning', () => {
  const { decks, warnings } = compileDecks([
    singleFileSource('one.md', '# One\n\n## Part\n\n### Alone\n\nThe only topic.\n'),
  ]);
  expect(decks[0]?.cards.map((card) => card.kind)).toEqual(['term', 'recall']);
  expect(decks[0]?.quiz).toEqual([]);
  expect(warnings).toEqual([
    {
      path: 'one.md',
      line: 5,
      message: 'a deck of one topic has no quiz: a question needs at least two options',
    },
  ]);
});
