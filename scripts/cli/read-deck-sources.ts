import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeckSource, SourceFile } from '../../src/domain/compile.ts';

export interface ReadError {
  readonly path: string;
  readonly message: string;
}

/**
 * Turns command-line paths into deck sources; the only place that decides layouts from the disk.
 * A `.md` or `.txt` file is one single-file deck. A folder is one topic-folder deck of all its
 * `.md` files, recursively (hidden entries and node_modules skipped), and each `.txt` file in it is
 * a single-file deck of its own. File paths keep the folder as given (`decks/x/a@id.md`).
 */
export async function readDeckSources(
  paths: readonly string[],
): Promise<{ sources: DeckSource[]; errors: ReadError[] }> {
  const sources: DeckSource[] = [];
  const errors: ReadError[] = [];
  for (const given of paths) {
    try {
      const info = await stat(given);
      if (info.isDirectory()) {
        const folder = given.length > 1 ? given.replace(/[\\/]+$/, '') : given;
        const files = await listFiles(folder);
        const markdown = files.filter((file) => /\.md$/i.test(file));
        const texts = files.filter((file) => /\.txt$/i.test(file));
        if (markdown.length === 0 && texts.length === 0) {
          errors.push({ path: given, message: 'folder holds no .md or .txt file' });
          continue;
        }
        if (markdown.length > 0) {
          sources.push({
            path: folder,
            layout: 'topic-folder',
            files: await Promise.all(markdown.map(readSourceFile)),
          });
        }
        for (const text of texts) {
          sources.push({ path: text, layout: 'single-file', files: [await readSourceFile(text)] });
        }
      } else if (/\.(?:md|txt)$/i.test(given)) {
        sources.push({ path: given, layout: 'single-file', files: [await readSourceFile(given)] });
      } else {
        errors.push({ path: given, message: 'not a .md or .txt file, nor a folder' });
      }
    } catch (error) {
      errors.push({ path: given, message: `cannot read: ${describe(error)}` });
    }
  }
  return { sources, errors };
}

/** The decks a decks folder holds: each subfolder and each `.md` or `.txt` file in it, sorted. */
export async function listDeckPaths(decksDir: string): Promise<string[]> {
  const entries = await readdir(decksDir, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .filter((entry) => entry.isDirectory() || /\.(?:md|txt)$/i.test(entry.name))
    .map((entry) => path.join(decksDir, entry.name))
    .sort();
}

async function listFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

async function readSourceFile(file: string): Promise<SourceFile> {
  return { path: file, content: await readFile(file, 'utf8') };
}

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
    return 'no such file or folder';
  }
  return error instanceof Error ? error.message : String(error);
}
