import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
import { maskVerdict } from '../../src/quiz/mask-verdict';
import { createTermMatcher } from '../../src/quiz/term-matcher';

const verdict = (title: string, description: string) =>
  maskVerdict(createTermMatcher(title), description);

describe('whether a topic can be blanked honestly', () => {
  it('says yes for a description that tells the term by what it does', () => {
    expect(
      verdict('Hypercorn', 'Hypercorn is an ASGI server that also speaks HTTP/2 and HTTP/3.'),
    ).toEqual({ honest: true });
  });

  it('says no for a term of symbols only', () => {
    expect(
      verdict('===', 'The `===` operator compares two values without converting their types.'),
    ).toMatchObject({ honest: false, reason: expect.stringContaining('only symbols') });
  });

  it('says no for a description that is mostly the term', () => {
    expect(verdict('ls -la', '`ls -la` lists files.')).toMatchObject({
      honest: false,
      reason: expect.stringContaining('mostly its own term'),
    });
  });

  it('says yes for a short description that never names the term', () => {
    expect(verdict('Payload', 'A short description.')).toEqual({ honest: true });
  });
});

describe('a deck with topics that cannot be blanked honestly', () => {
  const folder = (files: Record<string, string>) =>
    compileDecks([
      {
        path: 'roadmaps/js/content',
        layout: 'topic-folder',
        files: Object.entries(files).map(([name, content]) => ({
          path: `roadmaps/js/content/${name}`,
          content,
        })),
      },
    ]);

  it('drops their recall cards with a warning naming the file and line', () => {
    const { decks, warnings } = folder({
      'strict-equality@eq3.md':
        '# ===\n\nThe `===` operator compares two values and their types, with no conversion.\n',
      'closures@cl1.md':
        '# Closures\n\nA function that keeps the variables of the scope it was made in.\n',
      'hoisting@ho1.md':
        '# Hoisting\n\nDeclarations move to the top of their scope before the code runs.\n',
    });
    const kinds = decks[0]?.cards.map((card) => card.id) ?? [];
    expect(kinds).not.toContain('eq3:recall');
    expect(kinds).toContain('eq3:term');
    expect(kinds).toContain('cl1:recall');
    expect(warnings).toContainEqual({
      path: 'roadmaps/js/content/strict-equality@eq3.md',
      line: 1,
      message: expect.stringMatching(/^no recall card for "===": its title is only symbols/),
    });
  });
});
