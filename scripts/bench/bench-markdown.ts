import { performance } from 'node:perf_hooks';
import { compileDecks } from '../../src/compiler/compile-decks';
import { parseDescriptionBlocks } from '../../src/markdown/description-blocks';
import { parseInlineSpans } from '../../src/markdown/inline-spans';

/**
 * Markdown written to be slow to parse: each kind repeats one piece that a naive parser rescans
 * from every position (an opener never closed, a run of brackets) until the text reaches a size.
 */
const pathologicalKinds = {
  'unclosed strong': (size: number) => repeat('**a ', size),
  'unclosed underscores': (size: number) => repeat('_a ', size),
  'open brackets': (size: number) => repeat('[', size),
  'close brackets': (size: number) => repeat(']', size),
  'open parentheses': (size: number) => repeat('(', size),
  'unclosed links': (size: number) => repeat('[a](', size),
  backticks: (size: number) => repeat('`a ``', size),
  underscores: (size: number) => `${repeat('_', size - 6)} text`,
  'spaced heading': (size: number) => `#### a${repeat(' ', size - 8)} b`,
  'nested list': (size: number) => nestedList(size),
  'angle brackets': (size: number) => repeat('<', size),
  'one line': (size: number) => repeat('word *x [y] `z ', size),
  'many headings': (size: number) => repeat('#### heading\ntext\n', size),
  'many resources': (size: number) =>
    `Text.\n\nVisit the following resources to learn more:\n\n${repeat('- [@article@a](https://a.b/c)\n', size)}`,
} as const satisfies Record<string, (size: number) => string>;

type PathologicalKind = keyof typeof pathologicalKinds;

function repeat(piece: string, size: number): string {
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

function nestedList(size: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let depth = 0; length < size; depth = (depth + 1) % 400) {
    const line = `${'  '.repeat(depth)}- item **${depth}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** A deck of two topics, the first described by `markdown`: the second gives it a quiz. */
function pathologicalDeck(markdown: string): string {
  return `# Slow deck\n\n## Section\n\n### Payload\n\n${markdown}\n\n### Other\n\nA short description.\n`;
}

/**
 * What an import of the markdown costs: compiling the deck, then reading its description into
 * blocks and inline spans as the deck page does to show it.
 */
function compileAndRender(markdown: string): number {
  const result = compileDecks([
    {
      path: 'slow.md',
      layout: 'single-file',
      files: [{ path: 'slow.md', content: pathologicalDeck(markdown) }],
    },
  ]);
  let spans = 0;
  for (const topic of result.decks[0]?.topics ?? []) {
    for (const block of parseDescriptionBlocks(topic.description)) {
      const texts =
        block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : [];
      for (const text of texts) spans += parseInlineSpans(text).length;
    }
  }
  return spans;
}

export interface MarkdownTiming {
  readonly kind: PathologicalKind;
  readonly runsMs: readonly number[];
}

/** Times `compileAndRender` over `size` characters of each kind, `runs` times. */
export function benchPathologicalMarkdown(size = 1_000_000, runs = 3): MarkdownTiming[] {
  return (Object.keys(pathologicalKinds) as PathologicalKind[]).map((kind) => {
    const markdown = pathologicalKinds[kind](size);
    const runsMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      compileAndRender(markdown);
      runsMs.push(Math.round(performance.now() - start));
    }
    return { kind, runsMs };
  });
}
