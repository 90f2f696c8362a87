import { describe, expect, it } from 'vitest';
import {
  ankiBlank,
  ankiField,
  ankiHeaderLines,
  ankiText,
  htmlField,
} from '../../src/export/anki-text';
import { compileOne, singleFileSource } from '../support/deck-sources';

const source = `# Tricky "text"

## Basics

### Event loop

The event loop runs <b>callbacks</b> & "tasks".
It	has a tab, and a second line.

### Futures

A future holds a result that is not there yet: \`await f\`.
`;

const compiledDeck = () => compileOne(singleFileSource('tricky.md', source));

describe('ankiText', () => {
  it('starts with the header Anki reads: tabs, HTML, guid and tag columns, column names', () => {
    const lines = ankiText(compiledDeck()).split('\n');
    expect(lines.slice(0, ankiHeaderLines.length)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#guid column:1',
      '#tags column:5',
      '#columns:guid\tFront\tBack\tNote\tTags',
    ]);
  });

  it('writes one line of five fields per study card, the card id as guid, the deck id as tag', () => {
    const deck = compiledDeck();
    const text = ankiText(deck);
    expect(text.endsWith('\n')).toBe(true);
    const rows = text
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .map((line) => line.split('\t'));
    const studyCards = deck.cards.filter((card) => card.kind !== 'quiz');
    expect(rows.map((row) => row[0])).toEqual(studyCards.map((card) => card.id));
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set([deck.id]));
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['']));
    expect(rows.some((row) => row[0]?.endsWith(':quiz'))).toBe(false);
  });

  it('escapes the deck text, so Anki shows markup as text, and keeps each note on one line', () => {
    const text = ankiText(compiledDeck());
    const eventLoop = text.split('\n').find((line) => line.endsWith('Event loop\t\ttricky-text'));
    expect(eventLoop).toBeDefined();
    expect(text).toContain('&lt;b&gt;callbacks&lt;/b&gt; &amp; &quot;tasks&quot;.<br>It has a tab');
    expect(text).not.toContain('<b>');
    expect(text).not.toMatch(/[^\t\n]"|"[^\t\n]/);
  });

  it('turns tags with spaces into one tag', () => {
    const deck = { ...compiledDeck(), id: 'my deck' as ReturnType<typeof compiledDeck>['id'] };
    const row = ankiText(deck).split('\n')[ankiHeaderLines.length] ?? '';
    expect(row.split('\t')[4]).toBe('my_deck');
  });

  it('puts the topic’s note beside each of its cards, escaped like the rest', () => {
    const deck = compiledDeck();
    const topic = deck.topics.find((candidate) => candidate.title === 'Futures');
    if (!topic) throw new Error('the deck has no Futures topic');
    const note = { topicId: topic.id, text: 'Like a <Promise>\nin JS', atMillis: 0 };
    const rows = ankiText(deck, new Map([[topic.id, note]]))
      .split('\n')
      .filter((line) => line.startsWith(`${topic.id}:`));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split('\t')[3]).toBe('Like a &lt;Promise&gt;<br>in JS');
  });
});

describe('htmlField', () => {
  it('escapes & < > " and turns line breaks into <br> and tabs into spaces', () => {
    expect(htmlField('a & b <script>alert("x")</script>')).toBe(
      'a &amp; b &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(htmlField('one\ntwo\r\nthree\rfour')).toBe('one<br>two<br>three<br>four');
    expect(htmlField('a\tb')).toBe('a b');
    expect(htmlField('&lt;already escaped&gt;')).toBe('&amp;lt;already escaped&amp;gt;');
  });
});

describe('ankiField', () => {
  it('leaves a plain field as it is', () => {
    expect(ankiField('deck/topic:term')).toBe('deck/topic:term');
  });

  it('wraps a field holding or starting with a quote in quotes and doubles its quotes', () => {
    expect(ankiField('say "hi"')).toBe('"say ""hi"""');
    expect(ankiField('"quoted" start')).toBe('"""quoted"" start"');
  });

  it('wraps a field holding a tab or a line break', () => {
    expect(ankiField('a\tb')).toBe('"a\tb"');
    expect(ankiField('a\nb')).toBe('"a\nb"');
  });
});

describe('a blank in an Anki field', () => {
  it('is the one element the app shows, also beside inline code', () => {
    expect(htmlField('_____ runs `_____.run()` <once>')).toBe(
      `${ankiBlank} runs \`${ankiBlank}.run()\` &lt;once&gt;`,
    );
    expect(ankiBlank).toBe("<span class='blank' role='img' aria-label='blank'>_____</span>");
  });
});
