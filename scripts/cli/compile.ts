import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { warningLocation } from '../../src/compiler/warning-location.ts';
import { readDeckSources } from './read-deck-sources.ts';

const usage = `Usage: npm run compile -- <file-or-folder>... [--out FILE]

Compiles decks to JSON ({ "decks": [...], "warnings": [...] }) on standard output or in FILE.
  a .md or .txt file   one deck: "#" title, "##" sections, "###" topics
  a folder             one deck of its .md files, one topic per file (roadmap.sh layout);
                       each .txt file in the folder is a deck of its own, as above
Warnings go to standard error as "path:line: warning: message", or "path: warning: message" for
one about the whole file or deck (its "line" in the JSON is 0).
Exit status: 0 when at least one deck came out (errors about other inputs are still printed),
1 when none did, 2 for a usage error.`;

interface Arguments {
  readonly inputs: string[];
  readonly out: string | undefined;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const inputs: string[] = [];
  let out: string | undefined;
  let onlyInputs = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (onlyInputs || !arg.startsWith('-') || arg === '-') inputs.push(arg);
    else if (arg === '--') onlyInputs = true;
    else if (arg === '--out') {
      const value = argv[++index];
      if (value === undefined || value === '') return '--out needs a file name';
      out = value;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (out === '') return '--out needs a file name';
    } else return `unknown option: ${arg}`;
  }
  if (inputs.length === 0) return 'no file or folder given';
  return { inputs, out };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`compile: ${parsed}\n${usage}\n`);
    return 2;
  }
  const { sources, errors } = await readDeckSources(parsed.inputs);
  const result = compileDecks(sources);
  for (const warning of result.warnings) {
    process.stderr.write(`${warningLocation(warning)}: warning: ${warning.message}\n`);
  }
  for (const error of errors) process.stderr.write(`${error.path}: error: ${error.message}\n`);
  const compiled = new Set(result.decks.map((deck) => deck.source));
  for (const source of sources) {
    if (!compiled.has(source.path)) {
      process.stderr.write(`${source.path}: error: yields no deck (no topic with a description)\n`);
    }
  }
  if (result.decks.length === 0) return 1;

  const json = `${JSON.stringify({ decks: result.decks, warnings: result.warnings }, null, 2)}\n`;
  if (parsed.out === undefined) {
    process.stdout.write(json);
  } else {
    await mkdir(path.dirname(parsed.out), { recursive: true });
    await writeFile(parsed.out, json);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
