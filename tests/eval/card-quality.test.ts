import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck.ts';
import { measureCardQuality, names, termsOfTitle } from '../../src/eval/card-quality.ts';

describe('names', () => {
  it('finds a term through markup, punctuation, case and a plural ending', () => {
    expect(names('The `head` command prints the first lines.', 'Head Command')).toBe(true);
    expect(names('Cloning repositories copies them.', 'Cloning Repository')).toBe(true);
    expect(names('Cloning a repository copies it.', 'Cloning Repositories')).toBe(false);
    expect(names('An **if … else** block.', 'if...else')).toBe(true);
    expect(names('Run `set -e` first.', 'set -e')).toBe(true);
    expect(names('asyncio runs it', 'Async IO')).toBe(true);
    expect(names('İSTEK SINIRLAMA sayar', 'İstek Sınırlama')).toBe(true);
  });

  it('leaves other words alone and finds a symbol term only as written', () => {
    expect(names('Trust is earned.', 'Rust')).toBe(false);
    expect(names('Compare with `==` first.', '===')).toBe(false);
    expect(names('Compare with `===` first.', '===')).toBe(true);
    // An acronym's S is no plural, and the symbols of a name count.
    expect(names('HTTPS extends HTTP with TLS.', 'HTTPS')).toBe(true);
    expect(names('It extends HTTP with TLS.', 'HTTPS')).toBe(false);
    expect(names('C and C++ came first.', 'C#')).toBe(false);
    expect(names('Learn C# today.', 'C#')).toBe(true);
    expect(names('Use the $and operator.', '$nor')).toBe(false);
    // An identifier is one word: `create_task` is not the term "Tasks" standing alone.
    expect(names('Call `asyncio.create_task()`.', 'Tasks')).toBe(false);
    expect(names('Call `print_r` to dump it.', 'print_r')).toBe(true);
    expect(names('An _emphasised_ task.', 'Tasks')).toBe(true);
  });
});

describe('termsOfTitle', () => {
  it('splits a title into the parts that name the topic alone', () => {
    expect(termsOfTitle('Uvicorn and ASGI')).toEqual(['Uvicorn and ASGI', 'Uvicorn', 'ASGI']);
    expect(termsOfTitle('Coroutines and async/await')).toEqual([
      'Coroutines and async/await',
      'Coroutines',
      'async/await',
    ]);
    expect(termsOfTitle('Email / Slack')).toEqual(['Email / Slack', 'Email', 'Slack']);
    expect(termsOfTitle('Event loop (asyncio)')).toEqual([
      'Event loop (asyncio)',
      'Event loop',
      'asyncio',
    ]);
  });
});

function deck(title: string, recall: string, prompt: string, options: string[]): Deck {
  const topics = options.map((option, index) => ({
    id: `d/t${index}`,
    title: option,
    sectionId: 'd/s',
    description: '',
    resources: [],
  }));
  const answerIndex = options.indexOf(title);
  return {
    id: 'd',
    title: 'D',
    source: 'd',
    sections: [],
    topics,
    cards: [
      {
        id: `d/t${answerIndex}:recall`,
        topicId: `d/t${answerIndex}`,
        kind: 'recall',
        front: recall,
        back: title,
        contentHash: '',
      },
    ],
    quiz: [
      {
        id: `d/t${answerIndex}:quiz`,
        topicId: `d/t${answerIndex}`,
        prompt,
        options,
        answerIndex,
        explanation: '',
      },
    ],
  } as unknown as Deck;
}

describe('measureCardQuality', () => {
  it('counts a prompt and a recall front that name their answer, and a named distractor', () => {
    const quality = measureCardQuality([
      deck(
        'ASGI',
        '_____ (Asynchronous Server Gateway Interface) joins servers and apps.',
        'Which topic does this describe? The `asgi` spec, unlike Uvicorn, joins servers and apps.',
        ['ASGI', 'Uvicorn', 'Trio', 'HTTPX'],
      ),
    ]);
    expect(quality.recallHardLeaks).toBe(1);
    expect(quality.quizHardLeaks).toBe(1);
    expect(quality.distractorLeaks).toBe(1);
    expect(quality.blankNothingPrompts).toBe(1);
  });

  it('counts a distinctive word of the answer that no other option has', () => {
    const quality = measureCardQuality([
      deck(
        'Writing Custom Hooks',
        '_____ share logic.',
        'Which topic does this describe? Building your own hooks shares _____ logic.',
        ['Writing Custom Hooks', 'Writing Tests', 'Custom Elements', 'Routing'],
      ),
    ]);
    expect(quality.distinctiveWordPrompts).toBe(1);
    expect(quality.quizHardLeaks).toBe(0);
    expect(quality.recallHardLeaks).toBe(0);
    expect(quality.blankNothingPrompts).toBe(0);
  });
});
