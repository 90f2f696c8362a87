import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/domain/compile.ts';
import { fixturePath } from './compile-fixture.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function compile(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/cli/compile.ts', ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'recallmap-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('npm run compile', { timeout: 60_000 }, () => {
  it('prints the JSON on stdout and each warning on stderr as path:line: warning:', async () => {
    const file = fixturePath('single-file/web-frameworks.md');
    const run = await compile(file);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as CompileResult;
    expect(output.decks.map((deck) => deck.id)).toEqual(['async-web-frameworks']);
    expect(output.warnings).toHaveLength(4);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${file}:3: warning: section has no topics, dropped: Contents`,
      `${file}:44: warning: topic has no description, skipped: Empty topic`,
      `${file}:46: warning: section has no topics, dropped: Servers`,
      `${file}:34: warning: the title "Starlette" is also the title of ${file}:15; quiz options call this one "Starlette (2)"`,
    ]);
  });

  it('writes the JSON to --out FILE instead of stdout', async () => {
    const out = path.join(scratch, 'nested', 'decks.json');
    const run = await compile(fixturePath('topic-folder/async-basics'), '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const written = JSON.parse(await readFile(out, 'utf8')) as CompileResult;
    expect(written.decks.map((deck) => [deck.id, deck.topics.length])).toEqual([
      ['async-basics', 7],
    ]);
    expect(written.decks[0]?.source).toBe(fixturePath('topic-folder/async-basics'));
  });

  it('exits 1 with path: error: when an input cannot be read', async () => {
    const run = await compile('no/such/deck.md');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no/such/deck.md: error: cannot read: no such file or folder');
  });

  it('exits 1 with path: error: when an input yields no deck', async () => {
    const file = path.join(scratch, 'headings-only.md');
    await writeFile(file, '# Nothing here\n\n## Empty section\n');
    const run = await compile(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: error: yields no deck`);
    // A warning about the whole file names the file alone, not a line 0.
    expect(run.stderr).toContain(`${file}: warning: no topic with a description, no deck`);
    expect(run.stderr).not.toContain(`${file}:0:`);
    expect(run.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: warning: `, 'm'),
    );
  });

  it('exits 0 when one input gives a deck though another cannot be read, printing the error', async () => {
    const run = await compile(fixturePath('single-file/flat-topics.md'), 'missing-folder');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as CompileResult).decks).toHaveLength(1);
    expect(run.stderr).toContain('missing-folder: error: cannot read');
  });

  it('exits 2 with the usage on an unknown option or a missing --out value', async () => {
    const unknown = await compile('--verbose', fixturePath('single-file/flat-topics.md'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option: --verbose');
    expect(unknown.stderr).toContain('Usage: npm run compile');
    const noValue = await compile(fixturePath('single-file/flat-topics.md'), '--out');
    expect(noValue.code).toBe(2);
  });
});
