import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck.ts';
import {
  compileOutline,
  deckAsked,
  deckOf,
  itemFor,
  type Outline,
  plainTopics,
} from './build-deck-source.ts';
import { mentions, quizRuleViolations } from './quiz-rule-checks.ts';

/** The deck with every item asking for the topic of a description. */
const pickTermDeck = (title: string, outline: Outline) =>
  deckAsked(deckOf(title, outline), ['pick-term']);

describe('quiz rules', () => {
  it("masks the answer's term in the prompt, in every simple variant", () => {
    const deck = pickTermDeck('Runtimes', {
      Platforms: [
        [
          '.NET',
          '.NET is a runtime from Microsoft. Code for NET runs on many systems, and the .NET ecosystem is large.',
        ],
        ['Event loop', 'An event-loop drives callbacks. Event loops and eventloop designs differ.'],
        ['Sanic', "Sanic's router is fast. Sanics everywhere. SANIC is written in Python."],
        [
          'Uvicorn and ASGI',
          'Uvicorn serves applications and ASGI defines how; one seldom comes without the other.',
        ],
        // A fourth singular title, so that "_____ is" has three distractors that fit it.
        ['Granian', 'Granian is a server written in Rust.'],
      ],
    });
    for (const item of deck.quiz) {
      const topic = deck.topics.find((candidate) => candidate.id === item.topicId);
      expect(item.prompt, topic?.title).toContain('_____');
    }
    expect(itemFor(deck, '.NET').prompt).not.toMatch(/net/i);
    expect(itemFor(deck, 'Event loop').prompt).not.toMatch(/event.?loop/i);
    expect(itemFor(deck, 'Sanic').prompt).not.toMatch(/sanic/i);
    expect(itemFor(deck, 'Uvicorn and ASGI').prompt).not.toMatch(/uvicorn|asgi/i);
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('does not mask inside unrelated words', () => {
    const deck = pickTermDeck('Languages', {
      Systems: [
        ['Rust', 'Rust is a language people trust for systems work. It has no garbage collector.'],
        ['Go', 'Go is a language from Google. It compiles quickly and ships one binary.'],
        ...plainTopics('Other', 2),
      ],
    });
    expect(itemFor(deck, 'Rust').prompt).toContain('people trust for systems');
    expect(itemFor(deck, 'Go').prompt).toContain('a language from Google');
  });

  it('prefers distractors that the prompt does not name', () => {
    const deck = pickTermDeck('Async', {
      Libraries: [
        ['Trio', 'Trio is a structured concurrency library; AnyIO can run on top of it.'],
        ['AnyIO', 'AnyIO is a compatibility layer for several event loops.'],
        ['Curio', 'Curio is a small coroutine kernel.'],
        ['Twisted', 'Twisted is an event-driven networking engine.'],
        ['gevent', 'gevent uses greenlets to run synchronous-looking code concurrently.'],
      ],
    });
    const trio = itemFor(deck, 'Trio');
    expect(trio.options).not.toContain('AnyIO');
    expect(trio.prompt).toContain('AnyIO');
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('masks named distractors when there are not enough others', () => {
    const deck = pickTermDeck('Servers', {
      ASGI: [
        ['Uvicorn', 'Uvicorn is compared with Hypercorn, Daphne and Granian all the time.'],
        ['Hypercorn', 'Hypercorn speaks HTTP/2.'],
        ['Daphne', 'Daphne came from Django Channels.'],
        ['Granian', 'Granian is written in Rust.'],
      ],
    });
    const uvicorn = itemFor(deck, 'Uvicorn');
    expect(uvicorn.options).toHaveLength(4);
    for (const name of ['Uvicorn', 'Hypercorn', 'Daphne', 'Granian']) {
      expect(mentions(uvicorn.prompt, name), name).toBe(false);
    }
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('never offers two options that differ only in case', () => {
    const deck = deckOf('Work', {
      Asyncio: [['Tasks', 'Units of scheduled work on a loop.'], ...plainTopics('Asyncio part', 2)],
      Celery: [['tasks', 'Functions run by a worker process.'], ...plainTopics('Celery part', 2)],
    });
    for (const item of deck.quiz) {
      const keys = item.options.map((option) => option.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('gives four options from four topics on, else one per topic, and no quiz for one topic', () => {
    for (const count of [2, 3, 4, 7]) {
      const deck = deckOf(`Deck ${count}`, { Only: plainTopics('Item', count) });
      expect(deck.quiz).toHaveLength(count);
      for (const item of deck.quiz) {
        expect(item.options).toHaveLength(item.format === 'true-false' ? 2 : Math.min(4, count));
      }
    }
    const single = compileOutline('Single', { Only: plainTopics('Item', 1) });
    expect(single.decks[0]?.quiz).toEqual([]);
    expect(single.warnings.map((warning) => warning.message)).toContain(
      'a deck of one topic has no quiz: a question needs at least two options',
    );
  });

  it('draws distractors from the same section first, then from the rest of the deck', () => {
    const deck = pickTermDeck('Sections', {
      Big: plainTopics('Big', 6),
      Small: plainTopics('Small', 2),
    });
    const sectionOf = (title: string) =>
      deck.topics.find((topic) => topic.title === title)?.sectionId;
    for (const item of deck.quiz) {
      const answer = item.options[item.answerIndex] ?? '';
      const distractors = item.options.filter((_, index) => index !== item.answerIndex);
      const siblings = distractors.filter((title) => sectionOf(title) === sectionOf(answer));
      expect(siblings.length, answer).toBe(answer.startsWith('Big') ? 3 : 1);
    }
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('spreads the right answer evenly over the four positions', () => {
    for (const count of [4, 9, 13, 30]) {
      const deck = pickTermDeck(`Spread ${count}`, { Only: plainTopics('Item', count) });
      const counts = [0, 0, 0, 0];
      for (const item of deck.quiz) counts[item.answerIndex] = (counts[item.answerIndex] ?? 0) + 1;
      expect(Math.max(...counts) - Math.min(...counts), `${count}: ${counts}`).toBeLessThanOrEqual(
        1,
      );
    }
  });

  it('gives the same quiz for the same input', () => {
    const outline = { Only: plainTopics('Item', 12) };
    expect(JSON.stringify(deckOf('Same', outline).quiz)).toBe(
      JSON.stringify(deckOf('Same', outline).quiz),
    );
  });

  it('asks with at least a sentence of the description and explains with all of it', () => {
    const description =
      'Backpressure slows a producer down. Without it, queues grow until memory runs out. Bounded queues are one way to get it.';
    const deck = pickTermDeck('Flow', {
      Control: [['Backpressure', description], ...plainTopics('Other', 3)],
    });
    const item = itemFor(deck, 'Backpressure');
    expect(item.prompt).toBe(
      'Which topic does this describe? _____ slows a producer down. Without it, queues grow until memory runs out.',
    );
    expect(item.explanation).toBe(description);
  });
});

it('has a rule checker that catches broken items, so passing decks mean something', () => {
  const deck = deckAsked(deckOf('Broken', { Only: plainTopics('Item', 4) }), ['pick-term']);
  const [first, ...rest] = deck.quiz;
  if (!first) throw new Error('no quiz');
  const broken: Deck = {
    ...deck,
    quiz: [
      {
        ...first,
        prompt: `${first.prompt} ${first.options[first.answerIndex]}s`,
        options: [...first.options.slice(0, 3), first.options[0] ?? ''],
      },
      ...rest,
    ],
  };
  const problems = quizRuleViolations(broken).join('\n');
  expect(problems).toMatch(/prompt names the answer/);
  expect(problems).toMatch(/repeated options/);
});

it('has rule checks for the other formats that catch a named topic and a wrong verdict', () => {
  const outline = { Only: plainTopics('Item', 4) };
  const described = deckAsked(deckOf('Described', outline), ['pick-description']);
  const judged = deckAsked(deckOf('Judged', outline), ['true-false']);
  const [option, ...otherOptions] = described.quiz;
  const [statement, ...otherStatements] = judged.quiz;
  if (!option || !statement) throw new Error('no quiz');
  const answerTitle = (deck: Deck, topic: string) =>
    deck.topics.find((candidate) => candidate.id === topic)?.title ?? '';
  const brokenOptions = option.options.map((text, index) =>
    index === option.answerIndex ? `${text} ${answerTitle(described, option.topicId)}` : text,
  );
  const brokenDescribed: Deck = {
    ...described,
    quiz: [{ ...option, options: brokenOptions }, ...otherOptions],
  };
  expect(quizRuleViolations(brokenDescribed).join('\n')).toMatch(/option \d names "Item/);
  const brokenJudged: Deck = {
    ...judged,
    quiz: [
      {
        ...statement,
        prompt: `${statement.prompt} ${answerTitle(judged, statement.topicId)}`,
        answerIndex: 1 - statement.answerIndex,
      },
      ...otherStatements,
    ],
  };
  const problems = quizRuleViolations(brokenJudged).join('\n');
  expect(problems).toMatch(/statement names "Item/);
  expect(problems).toMatch(/does not fit the statement/);
});
