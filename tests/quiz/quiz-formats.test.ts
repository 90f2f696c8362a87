import { describe, expect, it } from 'vitest';
import { titleNumber } from '../../src/quiz/grammar-number.ts';
import { deckAsked, deckOf, itemFor, type Outline, plainTopics } from './build-deck-source.ts';
import { mentions, quizRuleViolations } from './quiz-rule-checks.ts';

const servers: Outline = {
  Servers: [
    ['Uvicorn', 'Uvicorn is a lightning-fast server for Python web applications, built on uvloop.'],
    ['Hypercorn', 'Hypercorn is a server that speaks HTTP/2 and HTTP/3 as well as HTTP/1.'],
    ['Daphne', 'Daphne is the server first written to run Django Channels.'],
    ['Granian', 'Granian is a server written in Rust that runs Python applications.'],
    ['Gunicorn', 'Gunicorn is a pre-fork worker server that manages many processes.'],
    [
      'Waitress',
      'Waitress is a pure-Python server with no dependencies outside the standard library.',
    ],
    ['Bjoern', 'Bjoern is a tiny server written in C around libev.'],
    ['Meinheld', 'Meinheld is a server built on greenlets and picoev.'],
  ],
};

describe('quiz formats', () => {
  it('mixes the formats over a deck: half pick-term, a quarter each of the others', () => {
    const deck = deckOf('Mix', { Only: plainTopics('Item', 12) });
    const counts = new Map<string, number>();
    for (const item of deck.quiz)
      counts.set(item.format ?? '', (counts.get(item.format ?? '') ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'pick-term': 6,
      'pick-description': 3,
      'true-false': 3,
    });
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('asks for the description of a topic among excerpts with their own terms blanked', () => {
    const deck = deckAsked(deckOf('Asked', servers), ['pick-description']);
    const item = itemFor(deck, 'Daphne');
    expect(item.format).toBe('pick-description');
    expect(item.prompt).toBe('Which of these describes Daphne?');
    expect(item.options).toHaveLength(4);
    expect(item.options[item.answerIndex]).toBe(
      '_____: the server first written to run Django Channels.',
    );
    item.options.forEach((option, index) => {
      const title =
        deck.topics.find((topic) => topic.id === item.optionTopicIds?.[index])?.title ?? '';
      expect(option.startsWith('_____: '), option).toBe(true);
      expect(mentions(option, title), option).toBe(false);
    });
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('blanks in description options only the terms of the options shown', () => {
    // Five topics, four options: each question leaves one topic out, and its words stay.
    const words = ['socket', 'thread', 'task', 'event', 'lock'];
    const deck = deckAsked(
      deckOf('Shown', {
        Runtime: words.map((word, index) => [
          `${word.charAt(0).toUpperCase()}${word.slice(1)} handling`,
          `This one waits on each ${words[(index + 1) % words.length]} and ${words[(index + 2) % words.length]} in turn.`,
        ]),
      }),
      ['pick-description'],
    );
    let checked = 0;
    for (const item of deck.quiz) {
      const left = deck.topics.find((topic) => !item.optionTopicIds?.includes(topic.id));
      const word = left?.title.split(' ')[0]?.toLowerCase() ?? '';
      const holding = item.options.filter(
        (option) => option.includes(` ${word} `) || option.includes(` ${word}.`),
      );
      const expected = deck.topics.filter(
        (topic) =>
          topic !== left &&
          item.optionTopicIds?.includes(topic.id) &&
          topic.description.includes(` ${word} `),
      );
      expect(holding.length, `${item.prompt} ${item.options}`).toBe(expected.length);
      checked += expected.length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('pairs a topic with its own or a sibling description, half of each, True then False', () => {
    const deck = deckAsked(deckOf('Judged', servers), ['true-false']);
    const truths = deck.quiz.map((item) => item.statedTopicId === item.topicId);
    expect(truths.filter(Boolean)).toHaveLength(4);
    for (const item of deck.quiz) {
      const title = deck.topics.find((topic) => topic.id === item.topicId)?.title ?? '';
      const stated = deck.topics.find((topic) => topic.id === item.statedTopicId)?.title ?? '';
      expect(item.options).toEqual(['True', 'False']);
      expect(item.answerIndex).toBe(item.statedTopicId === item.topicId ? 0 : 1);
      const statement = item.prompt.replace(`True or false: this describes ${title}. `, '');
      expect(statement).toMatch(/^_____ is /);
      expect(mentions(statement, stated)).toBe(false);
    }
    expect(quizRuleViolations(deck)).toEqual([]);
  });

  it('asks a topic whose term cannot be blanked the other way round', () => {
    const deck = deckAsked(
      deckOf('Equality', {
        Operators: [
          ['===', '`===` compares two values without converting either of them first.'],
          ['Coercion', 'Coercion converts a value of one type to another one behind your back.'],
          ['Truthiness', 'Truthiness decides which values count as true in a condition.'],
          ['Nullishness', 'Nullishness is what null and undefined share: nothing is there.'],
        ],
      }),
      ['pick-term'],
    );
    expect(itemFor(deck, '===').format).toBe('pick-description');
    expect(itemFor(deck, 'Coercion').format).toBe('pick-term');
    // Asked from its title, its description still hides it.
    const description = deckAsked(deck, ['pick-description']);
    const strict = itemFor(description, '===');
    expect(strict.options[strict.answerIndex]).toBe(
      '_____ compares two values without converting either of them first.',
    );
    for (const item of deckAsked(deck, ['true-false']).quiz) {
      expect(item.prompt.replace(/^True or false: this describes ===\./, '')).not.toContain('===');
    }
  });

  it('never lets grammar rule out an option: a plural blank gets plural titles or is asked otherwise', () => {
    const plural = deckAsked(
      deckOf('Async', {
        Basics: [
          ['Coroutines', 'Coroutines are functions that can pause and resume later on.'],
          ['Futures', 'Futures are placeholders for results that will arrive later.'],
          ['Tasks', 'Tasks are coroutines wrapped so that the loop runs them on its own.'],
          ['Event loop', 'An event loop runs callbacks and waits for input and output.'],
          ['Streams', 'Streams are pairs of readers and writers over a network connection.'],
        ],
      }),
      ['pick-term'],
    );
    const coroutines = itemFor(plural, 'Coroutines');
    expect(coroutines.prompt).toMatch(/_____ are/);
    for (const option of coroutines.options) expect(titleNumber(option), option).toBe('plural');

    const lonely = deckAsked(
      deckOf('Async', {
        Basics: [
          ['Coroutines', 'Coroutines are functions that can pause and resume later on.'],
          ['Event loop', 'An event loop runs callbacks and waits for input and output.'],
          ['Selector', 'A selector waits until one of many sockets is ready.'],
          ['Executor', 'An executor runs blocking calls in a pool of threads.'],
        ],
      }),
      ['pick-term'],
    );
    expect(itemFor(lonely, 'Coroutines').format).toBe('pick-description');

    // A singular title whose description speaks of it in the plural would be ruled out itself.
    const avatar = deckAsked(
      deckOf('Components', {
        Display: [
          ['Avatar', 'Avatars are small pictures that stand for a user next to their name.'],
          ['Badges', 'Badges are short labels that mark a count or a status.'],
          ['Banners', 'Banners are wide strips that announce something to every visitor.'],
          ['Cards', 'Cards are boxes that group a picture, a title and a few actions.'],
          ['Tooltips', 'Tooltips are hints that show up while a pointer rests on something.'],
        ],
      }),
      ['pick-term'],
    );
    expect(itemFor(avatar, 'Avatar').format).toBe('pick-description');
    expect(itemFor(avatar, 'Badges').format).toBe('pick-term');
    expect(quizRuleViolations(plural)).toEqual([]);
    expect(quizRuleViolations(lonely)).toEqual([]);
  });

  it('offers the closest descriptions as distractors', () => {
    const deck = deckAsked(
      deckOf('Python', {
        Libraries: [
          [
            'aiohttp',
            'aiohttp is an asynchronous HTTP client that sends requests and reads responses.',
          ],
          [
            'HTTPX',
            'HTTPX is an HTTP client that sends requests and reads responses, sync or async.',
          ],
          [
            'PycURL',
            'PycURL is an HTTP client over libcurl that sends requests and reads responses.',
          ],
          [
            'urllib3',
            'urllib3 is the HTTP client under many others; it sends requests and pools connections.',
          ],
          ['Jinja', 'Jinja renders templates into HTML pages.'],
          ['Pillow', 'Pillow opens, edits and saves images.'],
          ['Celery', 'Celery runs background jobs on worker processes.'],
        ],
      }),
      ['pick-term'],
    );
    const options = itemFor(deck, 'aiohttp').options;
    expect([...options].sort()).toEqual(['HTTPX', 'PycURL', 'aiohttp', 'urllib3']);
  });
});
