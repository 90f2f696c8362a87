import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { CompileResult } from '../../src/domain/compile.ts';
import { createSeededRandom } from '../../src/quiz/seeded-random.ts';
import { topicFolderSource } from '../support/deck-sources.ts';

function compileTopicFile(
  content: string,
  extra = '# Other\n\nA second topic so the deck has a quiz.\n',
): CompileResult {
  return compileDecks([
    topicFolderSource('deck', { 'a@node0000001.md': content, 'b@node0000002.md': extra }),
  ]);
}

const firstTopic = (result: CompileResult) => result.decks[0]?.topics[0];

describe('resource links', () => {
  it('reads URLs with parentheses, angle brackets and link titles', () => {
    const result = compileTopicFile(
      [
        '# Links',
        '',
        'Text.',
        '',
        '- [@article@Wiki](https://en.wikipedia.org/wiki/Future_(programming))',
        '- [@article@Angle](<https://example.org/a b>)',
        '- [@article@Titled](https://example.org/t "a title")',
        '- **[@video@Bold](https://example.org/bold)** — with a note after it',
      ].join('\n'),
    );
    expect(firstTopic(result)?.resources.map((resource) => [resource.title, resource.url])).toEqual(
      [
        ['Wiki', 'https://en.wikipedia.org/wiki/Future_(programming)'],
        ['Angle', 'https://example.org/a b'],
        ['Titled', 'https://example.org/t'],
        ['Bold', 'https://example.org/bold'],
      ],
    );
  });

  it('does not read an ordinary word such as "feedback" as a glued type', () => {
    const result = compileTopicFile(
      '# Forms\n\nText.\n\n- [feedback form guide](https://example.org/f)\n- [videos of talks](https://example.org/v)\n',
    );
    expect(
      firstTopic(result)?.resources.map((resource) => [resource.type, resource.title]),
    ).toEqual([
      ['other', 'feedback form guide'],
      ['other', 'videos of talks'],
    ]);
  });
});

describe('odd structure', () => {
  it('skips YAML front matter before the title', () => {
    const result = compileTopicFile(
      '---\ntitle: ignored\norder: 3\n---\n# Real title\n\nThe text.\n',
    );
    expect(firstTopic(result)?.title).toBe('Real title');
    expect(firstTopic(result)?.description).toBe('The text.');
  });

  it('warns about an intro line with nothing after it and leaves it out', () => {
    const result = compileTopicFile(
      '# Lonely\n\nThe text.\n\nVisit the following resources to learn more:\n',
    );
    expect(firstTopic(result)?.description).toBe('The text.');
    expect(result.warnings).toContainEqual({
      path: 'deck/a@node0000001.md',
      line: 5,
      message: 'resource intro line with no resources',
    });
  });

  it('warns about a code fence that is never closed', () => {
    const result = compileTopicFile('# Open fence\n\nText.\n\n```python\nprint(1)\n');
    expect(firstTopic(result)?.description).toBe('Text.\n\n```python\nprint(1)');
    expect(result.warnings).toContainEqual({
      path: 'deck/a@node0000001.md',
      line: 5,
      message: 'code fence is never closed; the rest of the file is read as code',
    });
  });
});

it('never throws and keeps ids unique, whatever the input', () => {
  const pieces = [
    '#',
    '##',
    '###',
    '# ',
    'Title',
    '\n',
    '\r\n',
    '\r',
    '\ufeff',
    '```',
    '~~~',
    '---',
    '===',
    '- ',
    '* ',
    '+ ',
    '1. ',
    '[',
    ']',
    '(',
    ')',
    '@',
    '@article@',
    'official',
    'GitHub',
    'https://example.org/x',
    'javascript:x',
    '<b>',
    '`',
    ' ',
    '\t',
    'é',
    '日本',
    '_____',
    ':',
    'Visit the following resources to learn more:',
    '\\',
  ];
  const random = createSeededRandom('odd input');
  const pick = () => pieces[Math.floor(random() * pieces.length)] ?? '';
  for (let round = 0; round < 300; round++) {
    const files = Array.from({ length: 3 }, (_, index) => ({
      path: `odd/${pick()}${index}@${pick()}.md`,
      content: Array.from({ length: 40 }, pick).join(''),
    }));
    const result = compileDecks([
      { path: 'odd', layout: 'topic-folder', files },
      { path: 'odd.md', layout: 'single-file', files: files.slice(0, 1) },
    ]);
    for (const deck of result.decks) {
      const topicIds = deck.topics.map((topic) => topic.id);
      const cardIds = deck.cards.map((card) => card.id);
      expect(new Set(topicIds).size).toBe(topicIds.length);
      expect(new Set(cardIds).size).toBe(cardIds.length);
    }
  }
});
