import { expect, it } from 'vitest';
import { optionExcerpt } from '../../src/quiz/option-excerpt.ts';

it('keeps a first sentence that says enough, and the whole excerpt when it is short', () => {
  expect(
    optionExcerpt(
      'Tornado is a web framework with its own networking library, built for long-lived connections. It came from FriendFeed.',
    ),
  ).toBe(
    'Tornado is a web framework with its own networking library, built for long-lived connections.',
  );
  expect(optionExcerpt('It is fast. It keeps tens of thousands of connections open at once.')).toBe(
    'It is fast. It keeps tens of thousands of connections open at once.',
  );
  expect(optionExcerpt('_____ is a server written in Rust.')).toBe(
    '_____ is a server written in Rust.',
  );
});
