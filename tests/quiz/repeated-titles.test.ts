import { expect, it } from 'vitest';
import { optionLabels } from '../../src/quiz/repeated-titles.ts';
import { compileOutline } from './build-deck-source.ts';

it('keeps unique titles and tells repeated ones apart by section, else by file, else by place', () => {
  const { labels, repeats } = optionLabels([
    { title: 'Setup', sectionTitle: 'Linux', slug: 'setup' },
    { title: 'Questions to Ask', sectionTitle: 'Review', slug: 'tests' },
    { title: 'setup', sectionTitle: 'Windows', slug: 'setup' },
    { title: 'Questions to Ask', sectionTitle: 'Review', slug: 'api-semantics' },
    { title: 'Basics', sectionTitle: 'One', slug: 'basics' },
    { title: 'Basics', sectionTitle: 'One', slug: 'basics' },
    { title: 'Unique', sectionTitle: 'One', slug: 'unique' },
  ]);
  expect(labels).toEqual([
    'Setup (Linux)',
    'Questions to Ask (tests)',
    'setup (Windows)',
    'Questions to Ask (api semantics)',
    'Basics (1)',
    'Basics (2)',
    'Unique',
  ]);
  expect(repeats).toEqual([
    { position: 2, firstPosition: 0 },
    { position: 3, firstPosition: 1 },
    { position: 5, firstPosition: 4 },
  ]);
});

it('warns about a repeated title with file and line, and never offers two topics of one title', () => {
  const { decks, warnings } = compileOutline('Review', {
    Style: [
      [
        'Questions to Ask',
        'Does the change read well and follow the conventions of the code around it?',
      ],
      ['Naming', 'Names say what a thing holds or does, so a reader needs no comment to follow.'],
    ],
    Tests: [
      [
        'Questions to Ask',
        'Do the tests cover the new behaviour, and would they fail if it broke?',
      ],
      ['Coverage', 'The share of lines that tests run, a hint of what nobody checks at all.'],
      [
        'Flaky tests',
        'Tests that pass or fail without any change, which teaches people to ignore them.',
      ],
    ],
  });
  expect(warnings).toContainEqual({
    path: 'Review.md',
    line: 15,
    message:
      'the title "Questions to Ask" is also the title of Review.md:5; quiz options call this one "Questions to Ask (Tests)"',
  });
  const deck = decks[0];
  for (const item of deck?.quiz ?? []) {
    const named = item.optionTopicIds?.map(
      (id) => deck?.topics.find((topic) => topic.id === id)?.title,
    );
    expect(named?.filter((title) => title === 'Questions to Ask').length ?? 0).toBeLessThanOrEqual(
      1,
    );
    if (item.format === 'pick-term') {
      for (const option of item.options) expect(option).not.toBe('Questions to Ask');
    }
  }
});
