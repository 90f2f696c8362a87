import { describe, expect, it } from 'vitest';
import { descriptionGist, gistWords } from '../../src/markdown/description-gist';

const words = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

describe('descriptionGist', () => {
  it('leads with the first sentence and keeps the rest, later paragraphs included', () => {
    const description = `A mutex lets one task at a time into a block of code. Others wait at the door until it is free.

Use it around state that two tasks change.`;
    expect(descriptionGist(description)).toEqual({
      gist: 'A mutex lets one task at a time into a block of code.',
      rest: 'Others wait at the door until it is free.\n\nUse it around state that two tasks change.',
    });
  });

  it('joins a very short first sentence to the next', () => {
    expect(
      descriptionGist('It is fast. It serves web sockets and plain HTTP from one process.'),
    ).toEqual({
      gist: 'It is fast. It serves web sockets and plain HTTP from one process.',
      rest: '',
    });
  });

  it('is the whole description when that is one sentence', () => {
    expect(descriptionGist('A cache keeps answers close to where they are asked for.')).toEqual({
      gist: 'A cache keeps answers close to where they are asked for.',
      rest: '',
    });
  });

  it('cuts a first sentence of far more than 35 words after about 35, marking both sides', () => {
    const long = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const { gist, rest } = descriptionGist(`${long}. Next sentence here.`);
    expect(words(gist)).toBe(gistWords);
    expect(gist.endsWith('word34…')).toBe(true);
    expect(rest.startsWith('…word35 ')).toBe(true);
    expect(rest.endsWith('word59. Next sentence here.')).toBe(true);
  });

  it('keeps a first sentence a little over 35 words whole', () => {
    const sentence = `${Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ')}.`;
    expect(descriptionGist(`${sentence} More.`).gist).toBe(sentence);
  });

  it.each([
    ['a link', '[a link with several words](https://example.org/a)'],
    ['inline code', '`code with spaces in it`'],
    ['bold text', '**bold words run on here**'],
  ])('never cuts inside %s', (_, markup) => {
    const before = Array.from({ length: 33 }, (_, index) => `w${index}`).join(' ');
    const after = Array.from({ length: 20 }, (_, index) => `v${index}`).join(' ');
    const description = `${before} ${markup} ${after}.`;
    const { gist, rest } = descriptionGist(description);
    expect(gist.startsWith(`${before} ${markup}`)).toBe(true);
    expect(gist.endsWith('…')).toBe(true);
    expect(`${gist.slice(0, -1)} ${rest.slice(1)}`).toBe(description);
  });

  it('leaves a description that opens with a list or code whole', () => {
    const description = '- one thing\n- another thing\n\nThen some text.';
    expect(descriptionGist(description)).toEqual({ gist: description, rest: '' });
  });
});
