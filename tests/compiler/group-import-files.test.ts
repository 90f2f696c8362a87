import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
import { deckFileKind, groupImportFiles } from '../../src/compiler/group-import-files';

const file = (path: string, content = `# ${path}\n`) => ({ path, content });
const shape = (files: { path: string }[]) =>
  groupImportFiles(files.map((picked) => file(picked.path))).sources.map((source) => ({
    path: source.path,
    layout: source.layout,
    files: source.files.map((member) => member.path),
  }));

describe('groupImportFiles', () => {
  it('makes a picked folder one topic-folder deck of its markdown files, at any depth', () => {
    expect(
      shape([
        { path: 'async/10-tasks@t1.md' },
        { path: 'async/2-loop@l1.md' },
        { path: 'async/100-libs/trio@x1.md' },
        { path: 'async/index.md' },
      ]),
    ).toEqual([
      {
        path: 'async',
        layout: 'topic-folder',
        files: [
          'async/2-loop@l1.md',
          'async/10-tasks@t1.md',
          'async/100-libs/trio@x1.md',
          'async/index.md',
        ],
      },
    ]);
  });

  it('makes each .txt file in a folder a single-file deck of its own, as the compile command does', () => {
    expect(shape([{ path: 'notes/a@1.md' }, { path: 'notes/seed.txt' }])).toEqual([
      { path: 'notes', layout: 'topic-folder', files: ['notes/a@1.md'] },
      { path: 'notes/seed.txt', layout: 'single-file', files: ['notes/seed.txt'] },
    ]);
  });

  it('makes two dropped folders two decks, and reads paths as browsers give them', () => {
    expect(shape([{ path: '/b/x@2.md' }, { path: '/a/y@1.md' }, { path: 'c\\z@3.md' }])).toEqual([
      { path: 'a', layout: 'topic-folder', files: ['a/y@1.md'] },
      { path: 'b', layout: 'topic-folder', files: ['b/x@2.md'] },
      { path: 'c', layout: 'topic-folder', files: ['c/z@3.md'] },
    ]);
  });

  it('makes each loose document a single-file deck', () => {
    expect(shape([{ path: 'web.md' }, { path: 'seed.txt' }, { path: 'notes.markdown' }])).toEqual([
      { path: 'notes.markdown', layout: 'single-file', files: ['notes.markdown'] },
      { path: 'seed.txt', layout: 'single-file', files: ['seed.txt'] },
      { path: 'web.md', layout: 'single-file', files: ['web.md'] },
    ]);
  });

  it('makes loose roadmap.sh topic files one deck, an index beside them allowed', () => {
    expect(shape([{ path: 'loop@a1.md' }, { path: 'index.md' }, { path: 'tasks@a2.md' }])).toEqual([
      {
        path: 'Imported deck',
        layout: 'topic-folder',
        files: ['index.md', 'loop@a1.md', 'tasks@a2.md'],
      },
    ]);
  });

  it('keeps loose files apart when any markdown file among them is not a topic file', () => {
    expect(
      shape([{ path: 'loop@a1.md' }, { path: 'guide.md' }]).map((source) => source.layout),
    ).toEqual(['single-file', 'single-file']);
  });

  it('skips other files, hidden files and node_modules', () => {
    const grouped = groupImportFiles([
      file('deck/a@1.md'),
      file('deck/picture.png'),
      file('deck/.hidden/b@2.md'),
      file('deck/node_modules/c@3.md'),
      file('.DS_Store'),
    ]);
    expect(grouped.sources.map((source) => source.files.map((member) => member.path))).toEqual([
      ['deck/a@1.md'],
    ]);
    expect(grouped.skipped).toEqual([
      'deck/picture.png',
      'deck/.hidden/b@2.md',
      'deck/node_modules/c@3.md',
      '.DS_Store',
    ]);
    expect(deckFileKind('x.TXT')).toBe('text');
    expect(deckFileKind('x.Markdown')).toBe('markdown');
  });

  it('gives decks the compiler reads like the compile command’s', () => {
    const { sources } = groupImportFiles([
      file('loop@a1.md', '# Event loop\n\nThe event loop runs callbacks.\n'),
      file('index.md', '# Async basics\n'),
    ]);
    const { decks } = compileDecks(sources);
    expect(
      decks.map((deck) => [deck.id, deck.title, deck.topics.map((topic) => topic.id)]),
    ).toEqual([['async-basics', 'Async basics', ['a1']]]);
  });
});
