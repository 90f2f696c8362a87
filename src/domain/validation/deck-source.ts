import type { DeckSource, SourceFile } from '../compile';
import { isObject, isText, type Parsed } from './parsed';

const layouts: readonly DeckSource['layout'][] = ['single-file', 'topic-folder'];

function parseFile(value: unknown, index: number): SourceFile | string {
  if (!isObject(value)) return `file ${index + 1} is not an object`;
  if (!isText(value.path)) return `file ${index + 1} has no path`;
  // An empty file is still a file; the compiler warns about it if it matters.
  if (typeof value.content !== 'string') return `file ${value.path} has no text content`;
  return { path: value.path, content: value.content };
}

/**
 * A deck's source as a backup or another untrusted input holds it. Only the known fields are
 * copied, so nothing stray travels into the deck store; the compiler then treats every text as
 * plain markdown.
 */
export function parseDeckSource(value: unknown): Parsed<DeckSource> {
  if (!isObject(value)) return { ok: false, reason: 'is not an object' };
  if (!isText(value.path)) return { ok: false, reason: 'has no path' };
  const fail = (reason: string): Parsed<DeckSource> => ({
    ok: false,
    reason: `(${value.path}) ${reason}`,
  });
  if (!layouts.includes(value.layout as DeckSource['layout'])) {
    return fail(`layout is ${JSON.stringify(value.layout)}, not one of ${layouts.join(', ')}`);
  }
  if (!Array.isArray(value.files)) return fail('has no list of files');
  if (value.files.length === 0) return fail('has no files');
  const files: SourceFile[] = [];
  for (const [index, file] of value.files.entries()) {
    const parsed = parseFile(file, index);
    if (typeof parsed === 'string') return fail(parsed);
    files.push(parsed);
  }
  return {
    ok: true,
    value: { path: value.path, layout: value.layout as DeckSource['layout'], files },
  };
}
