import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { DeckSource } from '../../src/domain/compile.ts';
import { type CardQuality, measureCardQuality } from '../../src/eval/card-quality.ts';
import { generateRoadmapCorpus } from '../bench/generate-roadmap-corpus.ts';
import { listDeckPaths, readDeckSources } from './read-deck-sources.ts';

const usage = `Usage: npm run quality -- [--generated] [--examples] [<file-or-folder>...]

Compiles the given decks (default: every deck under decks/) and, with --generated, a corpus of
5,000+ topic files in roadmap.sh's shapes, and prints for each: hard leaks (quiz and recall),
distractor leaks, prompts holding a distinctive word of the answer, prompts that blank nothing,
and the mix of quiz formats.`;

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

function report(name: string, sources: readonly DeckSource[], examples: boolean): void {
  const started = performance.now();
  const { decks, warnings } = compileDecks(sources);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const quality: CardQuality = measureCardQuality(decks);
  const quiz = Object.values(quality.formats).reduce((sum, count) => sum + count, 0);
  const formats = Object.entries(quality.formats)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([format, count]) => `${format} ${count} (${percent(count, quiz)})`)
    .join(', ');
  const lines = [
    `${name}: ${decks.length} decks, ${quality.topics} topics, ${warnings.length} warnings, compiled in ${seconds} s`,
    `  quiz hard leaks          ${quality.quizHardLeaks} of ${quiz}`,
    `  recall hard leaks        ${quality.recallHardLeaks} of ${quality.recallCards}`,
    `  distractor leaks         ${quality.distractorLeaks} of ${quality.pickTermItems} pick-term items`,
    `  distinctive word shown   ${percent(quality.distinctiveWordPrompts, quality.pickTermItems)} of pick-term prompts (${quality.distinctiveWordPrompts})`,
    `  prompt blanks nothing    ${percent(quality.blankNothingPrompts, quality.pickTermItems)} of pick-term prompts (${quality.blankNothingPrompts})`,
    `  formats                  ${formats}`,
  ];
  if (examples) lines.push(...quality.examples.map((line) => `    ${line}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const examples = argv.includes('--examples');
  const given = argv.filter((arg) => !arg.startsWith('--'));
  const paths = given.length > 0 ? given : await listDeckPaths('decks');
  const { sources, errors } = await readDeckSources(paths);
  for (const error of errors) process.stderr.write(`${error.path}: error: ${error.message}\n`);
  report(given.length > 0 ? 'given decks' : 'decks/', sources, examples);
  if (argv.includes('--generated')) {
    report('generated corpus', generateRoadmapCorpus('recallmap'), examples);
  }
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
