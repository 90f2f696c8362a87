import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeckSource, SourceFile } from '../../src/domain/compile.ts';
import { createSeededRandom, type Random, shuffled } from '../../src/quiz/seeded-random.ts';
import { nodeId, pick } from './seeded-picks.ts';

/**
 * A corpus in the shapes of roadmap.sh's content folders (`roadmaps/<name>/content/slug@ID.md`),
 * written from our own templates, for measuring card quality without shipping anyone's text. Its
 * titles carry what trips a term matcher on real roadmaps: terms split by inline code, emphasis and
 * links; punctuation inside terms (`set -e`, `if...else`, `Bayes' Theorem`); acronym plurals and
 * expansions; -ies and -es plurals; symbol-only terms; titles repeated within a roadmap; text in
 * Portuguese, Turkish, Russian and Chinese; lead-in sentences before lists; files whose heading is
 * no topic (`# undefined`, an underlined `Articles`).
 */

interface TitleShape {
  readonly title: string;
  /** How the description names the topic, in its sentences. */
  readonly mentions: readonly string[];
  readonly language?: 'en' | 'pt' | 'tr' | 'ru' | 'zh';
}

const syllables = ['zar', 'quil', 'mon', 'tev', 'rai', 'dox', 'pel', 'vin', 'kor', 'lum', 'sef'];
const conceptNouns = [
  ['cache', 'caches'],
  ['queue', 'queues'],
  ['hook', 'hooks'],
  ['repository', 'repositories'],
  ['proxy', 'proxies'],
  ['index', 'indexes'],
  ['branch', 'branches'],
  ['policy', 'policies'],
  ['token', 'tokens'],
  ['migration', 'migrations'],
  ['replica', 'replicas'],
  ['pipeline', 'pipelines'],
  ['container', 'containers'],
  ['schema', 'schemas'],
  ['process', 'processes'],
  ['library', 'libraries'],
] as const;
const gerunds = ['Writing', 'Cloning', 'Testing', 'Scaling', 'Securing', 'Tuning', 'Monitoring'];
const adjectives = ['custom', 'remote', 'shared', 'nested', 'partial', 'distributed', 'stale'];
const commandTools = ['git', 'kubectl', 'npm', 'docker', 'cargo', 'pip'];
const commandVerbs = ['commit', 'rebase', 'apply', 'prune', 'publish', 'inspect', 'restore'];
const commandFlags = ['--amend', '--force', '--dry-run', '-e', '--all', '--quiet'];
const keywords = ['final', 'static', 'yield', 'defer', 'sealed', 'volatile', 'const', 'match'];
const acronyms: readonly (readonly [string, string])[] = [
  ['API', 'Application Programming Interface'],
  ['AMI', 'Amazon Machine Image'],
  ['DAO', 'Data Access Object'],
  ['CDN', 'Content Delivery Network'],
  ['ORM', 'Object Relational Mapper'],
  ['TLS', 'Transport Layer Security'],
  ['JWT', 'JSON Web Token'],
  ['SLO', 'Service Level Objective'],
];
const symbols = ['===', '$*', '??', '&&', '=>', '::', '%%', '<=>'];
const people = ['Bayes', 'Amdahl', 'Little', 'Conway', 'Brooks', 'Hick', 'Fitts'];
const laws = ['Theorem', 'Law', 'Principle', 'Rule'];
const foreign: readonly TitleShape[] = [
  {
    title: 'Requisições HTTP',
    mentions: ['requisições HTTP', 'uma requisição HTTP'],
    language: 'pt',
  },
  {
    title: 'Funções assíncronas',
    mentions: ['funções assíncronas', 'uma função assíncrona'],
    language: 'pt',
  },
  { title: 'İstek Sınırlama', mentions: ['istek sınırlama', 'İSTEK SINIRLAMA'], language: 'tr' },
  { title: 'Запросы', mentions: ['запросы', 'каждый запрос'], language: 'ru' },
  { title: 'Кэширование', mentions: ['кэширование', 'кэширования'], language: 'ru' },
  { title: '状态管理', mentions: ['状态管理'], language: 'zh' },
  { title: '依赖注入', mentions: ['依赖注入'], language: 'zh' },
];

const themes = [
  'backend',
  'frontend',
  'devops',
  'data',
  'security',
  'mobile',
  'testing',
  'cloud',
  'databases',
  'networking',
  'compilers',
  'design',
  'machine-learning',
  'game-development',
  'embedded',
  'observability',
  'payments',
  'search',
  'streaming',
  'accessibility',
] as const;

// Each theme's vocabulary: descriptions of one roadmap share words, closer topics share more.
const themeWords: Record<(typeof themes)[number], readonly string[]> = {
  backend: ['request', 'handler', 'server', 'endpoint', 'session', 'worker', 'middleware'],
  frontend: ['component', 'render', 'state', 'layout', 'event', 'browser', 'style'],
  devops: ['deploy', 'release', 'rollback', 'host', 'image', 'pipeline', 'config'],
  data: ['table', 'column', 'batch', 'schema', 'join', 'partition', 'warehouse'],
  security: ['secret', 'attack', 'cipher', 'permission', 'audit', 'threat', 'key'],
  mobile: ['screen', 'gesture', 'battery', 'store', 'notification', 'device', 'offline'],
  testing: ['assertion', 'fixture', 'mock', 'coverage', 'suite', 'flaky', 'snapshot'],
  cloud: ['region', 'bucket', 'instance', 'quota', 'tenant', 'billing', 'zone'],
  databases: ['query', 'index', 'transaction', 'lock', 'replica', 'row', 'plan'],
  networking: ['packet', 'socket', 'route', 'latency', 'handshake', 'port', 'frame'],
  compilers: ['token', 'parser', 'tree', 'pass', 'register', 'symbol', 'grammar'],
  design: ['grid', 'contrast', 'spacing', 'palette', 'type', 'motion', 'icon'],
  'machine-learning': ['model', 'feature', 'label', 'loss', 'epoch', 'weight', 'sample'],
  'game-development': ['sprite', 'frame', 'physics', 'level', 'input', 'shader', 'collision'],
  embedded: ['interrupt', 'register', 'firmware', 'clock', 'pin', 'sensor', 'flash'],
  observability: ['metric', 'trace', 'log', 'alert', 'span', 'dashboard', 'sample'],
  payments: ['charge', 'refund', 'ledger', 'currency', 'dispute', 'invoice', 'fee'],
  search: ['query', 'ranking', 'posting', 'shard', 'synonym', 'facet', 'score'],
  streaming: ['topic', 'offset', 'consumer', 'producer', 'window', 'broker', 'partition'],
  accessibility: ['label', 'focus', 'contrast', 'screen', 'reader', 'landmark', 'caption'],
};

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A made-up tool name: "Zarquil", "Montev"… */
function toolName(index: number): string {
  const first = syllables[index % syllables.length] ?? 'zar';
  const second = syllables[Math.floor(index / syllables.length) % syllables.length] ?? 'mon';
  const round = Math.floor(index / (syllables.length * syllables.length));
  return capitalized(first + second) + (round > 0 ? String(round + 1) : '');
}

/** The title shapes, in a fixed rotation so every roadmap holds each kind. */
function titleShape(index: number, random: Random): TitleShape {
  const kind = index % 12;
  const round = Math.floor(index / 12);
  const [noun, plural] = conceptNouns[round % conceptNouns.length] ?? ['cache', 'caches'];
  switch (kind) {
    case 0:
    case 1: {
      const name = toolName(index * 7 + round);
      return { title: name, mentions: [name, `**${name}**`, `[${name}](https://example.com)`] };
    }
    case 2: {
      const gerund = gerunds[round % gerunds.length] ?? 'Writing';
      const adjective = adjectives[(round >> 1) % adjectives.length] ?? 'custom';
      const title = `${gerund} ${capitalized(adjective)} ${capitalized(plural)}`;
      return {
        title,
        mentions: [
          `${gerund.toLowerCase()} a ${noun}`,
          `building your own ${plural}`,
          `${gerund} ${adjective} ${plural}`,
        ],
      };
    }
    case 3: {
      const tool = pick(commandTools, random);
      const command = `${tool} ${pick(commandVerbs, random)} ${pick(commandFlags, random)}`;
      return { title: command, mentions: [`\`${command}\``, `the \`${command}\` command`] };
    }
    case 4: {
      const keyword = keywords[round % keywords.length] ?? 'final';
      return {
        title: `${capitalized(keyword)} Keyword`,
        mentions: [`the \`${keyword}\` keyword`, `\`${keyword}\``],
      };
    }
    case 5: {
      const [short, long] = acronyms[round % acronyms.length] ?? ['API', 'Application'];
      const title = round % 2 === 0 ? `${short}s` : `${short} (${long})`;
      return {
        title,
        mentions: [`${short}s`, `an ${short} (${long})`, `${long} (${short})`, `the ${short}`],
      };
    }
    case 6: {
      const symbol = symbols[round % symbols.length] ?? '===';
      return { title: symbol, mentions: [`\`${symbol}\``, `the \`${symbol}\` operator`] };
    }
    case 7: {
      const title = capitalized(plural);
      return { title, mentions: [plural, `a ${noun}`, `each ${noun}`] };
    }
    case 8: {
      const person = people[round % people.length] ?? 'Bayes';
      const law = laws[round % laws.length] ?? 'Law';
      const possessive = person.endsWith('s') ? `${person}'` : `${person}'s`;
      return {
        title: `${possessive} ${law}`,
        mentions: [`${possessive} ${law.toLowerCase()}`, `${person}’s ${law.toLowerCase()}`],
      };
    }
    case 9: {
      const pairs = ['if...else', 'try/catch', 'async/await', 'switch-case', 'do...while'];
      const term = pairs[round % pairs.length] ?? 'if...else';
      return { title: term, mentions: [`\`${term}\``, `an ${term} block`] };
    }
    case 10:
      return foreign[round % foreign.length] ?? { title: 'Other', mentions: ['other'] };
    default: {
      const size = ['Sizes', 'Tries', 'Wikis', 'Macros', 'Boxes', 'Aliases'][round % 6] ?? 'Sizes';
      return { title: size, mentions: [size.toLowerCase(), size] };
    }
  }
}

const englishSentences: readonly ((term: string, words: readonly string[]) => string)[] = [
  (term, w) => `${capitalized(term)} decides how each ${w[0]} reaches the ${w[1]}.`,
  (term, w) => `Teams reach for ${term} when a ${w[2]} has to stay fast under load.`,
  (term, w) => `With ${term}, a ${w[3]} can be checked before the ${w[4]} changes.`,
  (_, w) => `It keeps the ${w[5]} small, so a mistake in one ${w[0]} stays local.`,
  (_, w) => `Misused, it makes every ${w[6]} slower and harder to follow.`,
  (term, w) => `Most guides show ${term} next to a plain ${w[1]} to compare the two.`,
];
const foreignSentences: Record<string, (term: string) => string> = {
  pt: (term) => `Em muitos projetos, ${term} organiza o trabalho de cada serviço sem bloquear.`,
  tr: (term) => `Bir serviste ${term}, aşırı yükü önlemek için istekleri sayar.`,
  ru: (term) => `В каждом сервисе ${term} помогают снизить нагрузку на базу данных.`,
  zh: (term) => `在大型应用中，${term}让每个模块的职责更加清晰，测试也更容易。`,
};
const intros = [
  'Visit the following resources to learn more:',
  'Learn more from the following resources:',
  '',
];
const types = ['official', 'opensource', 'article', 'video', 'course', 'book', 'podcast'];

function description(shape: TitleShape, words: readonly string[], random: Random): string[] {
  if (shape.language && shape.language !== 'en') {
    const say = foreignSentences[shape.language];
    return say ? shape.mentions.map((mention) => say(mention)) : [];
  }
  const lines: string[] = [];
  const shuffledWords = shuffled(words, random);
  const sentences = [0, 1, 2, 3].map((index) => {
    const mention = index < 2 ? (shape.mentions[index % shape.mentions.length] ?? '') : 'it';
    return pick(englishSentences, random)(mention, shuffledWords);
  });
  lines.push(sentences.join(' '), '');
  const roll = random();
  if (roll < 0.2) {
    // A lead-in sentence whose list follows: a prompt must not end on its colon.
    lines.push(`It comes in three common forms:`, '');
    for (const word of shuffledWords.slice(0, 3)) lines.push(`- one for each ${word}`);
    lines.push('');
  } else if (roll < 0.3) {
    lines.push('```sh', `run --${shuffledWords[0]} ${shuffledWords[1]}`, '```', '');
  } else if (roll < 0.35) {
    // An underlined heading inside the body: roadmap.sh files sometimes carry one.
    lines.push('Articles', '--------', '');
  }
  if (random() < 0.5) {
    lines.push(
      `A second paragraph adds that ${pick(shape.mentions, random)} pairs well with a ${shuffledWords[2]}.`,
      '',
    );
  }
  return lines;
}

function topicFile(
  shape: TitleShape,
  words: readonly string[],
  index: number,
  random: Random,
): string {
  const lines = [`# ${shape.title}`, '', ...description(shape, words, random)];
  const intro = pick(intros, random);
  if (intro !== '') lines.push(intro, '');
  const resources = 1 + Math.floor(random() * 3);
  for (let resource = 0; resource < resources; resource++) {
    lines.push(
      `- [@${pick(types, random)}@Guide ${resource + 1}](https://example.com/${index}/${resource})`,
    );
  }
  return lines.join('\n');
}

/** Headings that are no topic, as they turn up in real content folders. */
function nonTopicFile(index: number): string {
  return index % 2 === 0
    ? '# undefined\n\nVisit the following resources to learn more:\n\n- [@article@Notes](https://example.com/u)\n'
    : 'Articles\n--------\n\n- [@article@Further reading](https://example.com/a)\n';
}

/**
 * `roadmaps` content folders of `topicsEach` topic files each (plus a few repeated titles and
 * non-topic files), the same for the same seed.
 */
export function generateRoadmapCorpus(seed: string, roadmaps = 20, topicsEach = 256): DeckSource[] {
  const random = createSeededRandom(seed);
  const sources: DeckSource[] = [];
  for (let roadmap = 0; roadmap < roadmaps; roadmap++) {
    const theme = themes[roadmap % themes.length] ?? 'backend';
    const name =
      roadmap < themes.length ? theme : `${theme}-${Math.floor(roadmap / themes.length) + 1}`;
    const folder = `roadmaps/${name}/content`;
    const words = themeWords[theme];
    const files: SourceFile[] = [];
    const titles = new Set<string>();
    for (let index = 0; files.length < topicsEach; index++) {
      const shape = titleShape(index + roadmap * 3, random);
      const key = shape.title.toLowerCase();
      if (titles.has(key)) continue;
      titles.add(key);
      const slug =
        shape.title
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '') || 'symbol';
      files.push({
        path: `${folder}/${slug}@${nodeId(random)}.md`,
        content: topicFile(shape, words, index, random),
      });
    }
    // The same title in several files, as "Questions to Ask" is in real roadmaps.
    for (let copy = 0; copy < 3; copy++) {
      const shape = {
        title: 'Questions to Ask',
        mentions: ['questions worth asking', 'the questions to ask'],
      };
      files.push({
        path: `${folder}/questions-to-ask-${copy + 1}@${nodeId(random)}.md`,
        content: topicFile(shape, words, 1000 + copy, random),
      });
    }
    for (let extra = 0; extra < 2; extra++) {
      files.push({
        path: `${folder}/${extra === 0 ? 'undefined' : 'articles'}@${nodeId(random)}.md`,
        content: nonTopicFile(extra),
      });
    }
    sources.push({ path: folder, layout: 'topic-folder', files });
  }
  return sources;
}

async function main(argv: readonly string[]): Promise<void> {
  const out = argv[argv.indexOf('--out') + 1];
  if (!argv.includes('--out') || out === undefined) {
    process.stderr.write(
      'Usage: tsx scripts/bench/generate-roadmap-corpus.ts --out DIR [--seed TEXT]\n',
    );
    process.exitCode = 2;
    return;
  }
  const seedAt = argv.indexOf('--seed');
  const sources = generateRoadmapCorpus(
    seedAt < 0 ? 'recallmap' : (argv[seedAt + 1] ?? 'recallmap'),
  );
  let count = 0;
  for (const source of sources) {
    for (const file of source.files) {
      const target = path.join(out, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      count++;
    }
  }
  process.stdout.write(`${count} files in ${sources.length} roadmaps written to ${out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
