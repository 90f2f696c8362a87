import { expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { singleFileSource } from '../support/deck-sources.ts';

/** A deck of two topics titled `title`. */
const doc = (path: string, title: string) =>
  singleFileSource(
    path,
    `# ${title}\n\n## Part\n\n### One\n\nThe first idea.\n\n### Two\n\nThe second idea.\n`,
  );

it('gives decks with the same title distinct ids, in input order', () => {
  const { decks, warnings } = compileDecks([
    doc('a.md', 'Event loops'),
    doc('b.md', 'Event loops'),
    doc('c.md', 'Event Loops!'),
  ]);
  expect(decks.map((deck) => deck.id)).toEqual(['event-loops', 'event-loops-2', 'event-loops-3']);
  expect(decks[1]?.topics[0]?.id).toBe('event-loops-2/part/one');
  expect(warnings.map((warning) => [warning.path, warning.message])).toEqual([
    ['b.md', "deck id event-loops is taken by another deck; this deck's id is event-loops-2"],
    ['c.md', "deck id event-loops is taken by another deck; this deck's id is event-loops-3"],
  ]);
});

it('never gives a deck a reserved id', () => {
  const { decks } = compileDecks([doc('import.md', 'Event loops')], {
    reservedDeckIds: new Set(['event-loops', 'event-loops-2']),
  });
  expect(decks.map((deck) => deck.id)).toEqual(['event-loops-3']);
});

it('keeps ids readable for titles with symbols and other scripts', () => {
  const { decks } = compileDecks([
    doc('c.md', 'C++ & C#'),
    doc('d.md', 'Événements asynchrones'),
    doc('e.md', '非同期処理'),
  ]);
  expect(decks.map((deck) => deck.id)).toEqual([
    'c-plus-plus-and-c-sharp',
    'evenements-asynchrones',
    '非同期処理',
  ]);
});
