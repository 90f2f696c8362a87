import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceFile } from '../../src/domain/compile.ts';
import { createSeededRandom, type Random } from '../../src/quiz/seeded-random.ts';
import { nodeId, pick } from './seeded-picks.ts';

const qualifiers = [
  'Event',
  'Async',
  'Task',
  'Stream',
  'Socket',
  'Thread',
  'Process',
  'Worker',
  'Queue',
  'Channel',
  'Signal',
  'Buffer',
  'Cache',
  'Request',
  'Session',
  'Cursor',
  'Lock',
  'Timer',
  'Pipe',
  'Context',
];
const nouns = [
  'loop',
  'pool',
  'scheduler',
  'handler',
  'protocol',
  'transport',
  'manager',
  'group',
  'factory',
  'adapter',
  'registry',
  'barrier',
  'semaphore',
  'watcher',
  'dispatcher',
  'gateway',
  'limiter',
  'monitor',
  'selector',
  'runner',
  'tracer',
  'bridge',
  'broker',
  'codec',
  'driver',
];
const subjects = [
  'coroutines',
  'callbacks',
  'network servers',
  'background jobs',
  'database drivers',
  'file watchers',
  'message queues',
  'web clients',
  'test suites',
  'data pipelines',
];
const verbs = ['coordinates', 'tracks', 'schedules', 'wraps', 'limits', 'buffers', 'routes'];
const intros = [
  'Visit the following resources to learn more:',
  'Learn more from the following resources:',
  'Have a look at the following resources:',
  '',
];
const types = ['official', 'opensource', 'article', 'video', 'course', 'book', 'podcast'];

/** A distinct, plausible title for every index: "Event loop", "Async pool"… then numbered. */
function titleAt(index: number): string {
  const pairs = qualifiers.length * nouns.length;
  const base = `${qualifiers[index % qualifiers.length]} ${nouns[Math.floor(index / qualifiers.length) % nouns.length]}`;
  const round = Math.floor(index / pairs);
  return round === 0 ? base : `${base} ${round + 1}`;
}

function sentence(title: string, random: Random): string {
  const forms = [
    () => `${title} ${pick(verbs, random)} ${pick(subjects, random)} so that they stay responsive.`,
    () => `It is often used with ${pick(subjects, random)} and ${pick(subjects, random)}.`,
    () => `Call \`${title.toLowerCase().replace(/\s+/g, '_')}()\` to start one.`,
    () => `Most libraries expose it through a small API that ${pick(verbs, random)} work.`,
    () => `A common mistake is to block inside it, which stalls every other task.`,
  ];
  return pick(forms, random)();
}

function topicFile(index: number, random: Random): string {
  const title = titleAt(index);
  const lines: string[] = [`# ${title}`, ''];
  const paragraphs = 1 + Math.floor(random() * 3);
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    const count = 2 + Math.floor(random() * 3);
    const sentences = [`${title} ${pick(verbs, random)} ${pick(subjects, random)}.`];
    for (let i = 1; i < count; i++) sentences.push(sentence(title, random));
    lines.push(sentences.join(' '), '');
  }
  if (random() < 0.15) {
    lines.push(
      '```python',
      `async def main():`,
      `    # not a heading`,
      `    await run()`,
      '```',
      '',
    );
  }
  const bullet = random() < 0.2 ? '*' : '-';
  const intro = pick(intros, random);
  if (intro !== '') lines.push(intro, '');
  const resources = 2 + Math.floor(random() * 3);
  for (let resource = 0; resource < resources; resource++) {
    const type = pick(types, random);
    const label =
      random() < 0.1
        ? `${type}${title} Guide ${resource + 1}`
        : `@${type}@${title} guide ${resource + 1}`;
    lines.push(`${bullet} [${label}](https://example.com/${index}/${resource})`);
  }
  const text = lines.join('\n');
  return random() < 0.2 ? text.replace(/\n/g, '\r\n') : text;
}

/**
 * `count` topic files in roadmap.sh's layout (`slug@NODEID.md`), the same for the same seed, with
 * the mess real entries have: CRLF line ends, `*` bullets, code fences, glued resource types and
 * missing or varied intro lines.
 */
export function generateCorpus(count: number, seed: string, folder = 'corpus'): SourceFile[] {
  const random = createSeededRandom(seed);
  const files: SourceFile[] = [];
  for (let index = 0; index < count; index++) {
    const slug = titleAt(index).toLowerCase().replace(/\s+/g, '-');
    files.push({
      path: `${folder}/${slug}@${nodeId(random)}.md`,
      content: topicFile(index, random),
    });
  }
  return files;
}

async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index < 0 ? undefined : argv[index + 1];
  };
  const out = option('--out');
  if (out === undefined) {
    process.stderr.write(
      'Usage: tsx scripts/bench/generate-corpus.ts --out DIR [--count N] [--seed TEXT]\n',
    );
    process.exitCode = 2;
    return;
  }
  const count = Number(option('--count') ?? 1000);
  const files = generateCorpus(count, option('--seed') ?? 'recallmap', path.basename(out));
  await mkdir(out, { recursive: true });
  for (const file of files) {
    await writeFile(path.join(out, path.basename(file.path)), file.content);
  }
  process.stdout.write(`${files.length} files written to ${out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
