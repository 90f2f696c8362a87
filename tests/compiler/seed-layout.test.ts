import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { CompileResult } from '../../src/domain/compile.ts';
import type { Deck } from '../../src/domain/deck.ts';

// A document in the layout of the project's seed (a `## Contents` section holding only a link, an
// introduction section, resource labels with their type glued on), written for these tests. CI
// compiles and checks the real seed as well (.ci/check-seed-deck.mjs).
const seedsDir = fileURLToPath(new URL('../fixtures/seed-layout', import.meta.url));

let result: CompileResult;
let deck: Deck;
beforeAll(async () => {
  const { sources, errors } = await readDeckSources([seedsDir]);
  expect(errors).toEqual([]);
  result = compileDecks(sources);
  const only = result.decks[0];
  if (!only) throw new Error('the document yielded no deck');
  deck = only;
});

it('compiles a seed-layout document into one deck with the Asynchronous section and its four topics', () => {
  expect(result.decks).toHaveLength(1);
  const section = deck.sections.find((candidate) => candidate.title === 'Asynchronous');
  expect(
    section?.topicIds.map((id) => deck.topics.find((topic) => topic.id === id)?.title),
  ).toEqual(['gevent', 'Tornado', 'AIOHTTP', 'Sanic']);
  expect(deck.sections.map((candidate) => candidate.title)).not.toContain('Contents');
});

it('gives each topic a term, a recall and a quiz card and a quiz item', () => {
  for (const topic of deck.topics) {
    expect(deck.cards.filter((card) => card.topicId === topic.id).map((card) => card.kind)).toEqual(
      ['term', 'recall', 'quiz'],
    );
    expect(deck.quiz.filter((item) => item.topicId === topic.id)).toHaveLength(1);
  }
});

it("recovers gevent's glued resource types and clean titles", () => {
  const gevent = deck.topics.find((topic) => topic.title === 'gevent');
  expect(gevent?.resources.map((resource) => [resource.type, resource.title])).toEqual([
    ['official', 'gevent — Official Website'],
    ['opensource', 'GitHub Repository'],
    ['article', 'gevent For the Working Python Developer'],
  ]);
  const tornado = deck.topics.find((topic) => topic.title === 'Tornado');
  expect(tornado?.resources.map((resource) => [resource.type, resource.title])).toEqual([
    ['article', 'Tornado — Official Website'],
    ['video', 'Tornado Python Framework'],
  ]);
});

it('keeps the Asynchronous introduction as the section description, without its intro line', () => {
  const section = deck.sections.find((candidate) => candidate.title === 'Asynchronous');
  expect(section?.description).toMatch(/^Async code lets one thread/);
  expect(section?.description).not.toMatch(/following resources/);
  expect(section?.resources.map((resource) => resource.type)).toEqual(['article']);
});

it('warns that the Contents section, which has no topics, is dropped', () => {
  expect(result.warnings).toEqual([
    expect.objectContaining({ line: 3, message: 'section has no topics, dropped: Contents' }),
  ]);
});
