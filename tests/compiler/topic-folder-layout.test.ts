import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { DeckSource } from '../../src/domain/compile.ts';
import { topicFolderSource } from '../support/deck-sources.ts';
import { compileFixture, topicTitled, warningsFor } from './compile-fixture.ts';

describe('a topic-folder deck', () => {
  it('takes its title from the folder name when there is no index file', async () => {
    const { deck } = await compileFixture('topic-folder/async-basics');
    expect(deck.title).toBe('Async basics');
    expect(deck.id).toBe('async-basics');
  });

  it('uses the node id from slug@NODEID.md as the topic id, else a slug path', async () => {
    const { deck } = await compileFixture('topic-folder/async-basics');
    expect(topicTitled(deck, 'Event loop').id).toBe('evtLoop01');
    expect(topicTitled(deck, 'Tasks').id).toBe('async-basics/async-basics/tasks');
  });

  it('orders files naturally (2- before 10-) and puts root files before subfolders', async () => {
    const { deck } = await compileFixture('topic-folder/async-basics');
    expect(deck.topics.map((topic) => topic.title)).toEqual([
      'Futures',
      'Event loop',
      'Coroutines',
      'Tasks',
      'AnyIO',
      'Curio',
      'Trio',
    ]);
  });

  it('makes root files one section titled like the deck and each subfolder a section without its number', async () => {
    const { deck } = await compileFixture('topic-folder/async-basics');
    expect(
      deck.sections.map((section) => [section.id, section.title, section.topicIds.length]),
    ).toEqual([
      ['async-basics/async-basics', 'Async basics', 4],
      ['async-basics/libraries', 'Libraries', 3],
    ]);
  });

  it('keeps both files that share a node id: the second gets a suffix and a warning', async () => {
    const { deck, warnings } = await compileFixture('topic-folder/async-basics');
    expect(topicTitled(deck, 'Coroutines').id).toBe('coro0002');
    expect(topicTitled(deck, 'Curio').id).toBe('coro0002-2');
    expect(warningsFor(warnings, 'curio@coro0002.md')).toEqual([
      "1: node id coro0002 is already taken by another file; this topic's id is coro0002-2",
    ]);
  });

  it('takes the deck title from index.md and a section title from a subfolder _index.md', async () => {
    const { deck } = await compileFixture('topic-folder/with-index');
    expect(deck.title).toBe('Servers for async Python');
    expect(deck.id).toBe('servers-for-async-python');
    expect(
      deck.sections.map((section) => [section.id, section.title, section.description]),
    ).toEqual([
      [
        'servers-for-async-python/servers-for-async-python',
        'Servers for async Python',
        'Notes on running asynchronous web applications.',
      ],
      [
        'servers-for-async-python/servers',
        'ASGI servers',
        'Programs that speak the ASGI protocol to an application.',
      ],
    ]);
    expect(deck.topics.map((topic) => topic.title)).toEqual([
      'ASGI',
      'Daphne',
      'Hypercorn',
      'Uvicorn',
    ]);
  });

  it('accepts file paths with or without the folder prefix alike', () => {
    const files = {
      'b@node00002.md': '# Beta\n\nThe second letter.\n',
      'a@node00001.md': '# Alpha\n\nThe first letter.\n',
    };
    const withPrefix = compileDecks([topicFolderSource('decks/letters', files)]);
    const bare: DeckSource = {
      path: 'decks/letters',
      layout: 'topic-folder',
      files: Object.entries(files).map(([path, content]) => ({ path, content })),
    };
    const withoutPrefix = compileDecks([bare]);
    expect(withPrefix.decks[0]?.topics.map((topic) => topic.id)).toEqual([
      'node00001',
      'node00002',
    ]);
    expect(withoutPrefix.decks[0]?.topics).toEqual(withPrefix.decks[0]?.topics);
    expect(withPrefix.decks[0]?.title).toBe('Letters');
  });

  it('takes the title from the file name, with a warning, when a file has no heading', () => {
    const { decks, warnings } = compileDecks([
      topicFolderSource('notes', {
        'green-threads@grn000001.md': 'Green threads are scheduled by a runtime, not the kernel.\n',
        'fibers@fib000001.md': '# Fibers\n\nFibers yield to each other explicitly.\n',
      }),
    ]);
    expect(decks[0]?.topics.map((topic) => [topic.id, topic.title])).toEqual([
      ['fib000001', 'Fibers'],
      ['grn000001', 'Green threads'],
    ]);
    expect(warnings).toEqual([
      {
        path: 'notes/green-threads@grn000001.md',
        line: 1,
        message: 'no "# title" heading, title taken from the file name: Green threads',
      },
    ]);
  });
});
