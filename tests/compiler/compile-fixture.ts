import { fileURLToPath } from 'node:url';
import { readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { type CompileOptions, compileDecks } from '../../src/compiler/compile-decks.ts';
import type { CompileResult, CompileWarning } from '../../src/domain/compile.ts';
import type { Deck, Topic } from '../../src/domain/deck.ts';

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Reads fixture paths from disk as the compile command does, then compiles them. */
export async function compileFixtures(
  relatives: readonly string[],
  options?: CompileOptions,
): Promise<CompileResult> {
  const { sources, errors } = await readDeckSources(relatives.map(fixturePath));
  if (errors.length > 0) throw new Error(`cannot read fixtures: ${JSON.stringify(errors)}`);
  return compileDecks(sources, options);
}

export async function compileFixture(
  relative: string,
): Promise<{ deck: Deck; warnings: readonly CompileWarning[] }> {
  const result = await compileFixtures([relative]);
  const deck = result.decks[0];
  if (!deck || result.decks.length !== 1) {
    throw new Error(`expected one deck from ${relative}, got ${result.decks.length}`);
  }
  return { deck, warnings: result.warnings };
}

export function topicTitled(deck: Deck, title: string): Topic {
  const topic = deck.topics.find((candidate) => candidate.title === title);
  if (!topic)
    throw new Error(`no topic titled ${title}; have ${deck.topics.map((t) => t.title).join(', ')}`);
  return topic;
}

/** The warnings about one file, by its name, as "line: message". */
export function warningsFor(warnings: readonly CompileWarning[], fileName: string): string[] {
  return warnings
    .filter((warning) => warning.path.endsWith(`/${fileName}`))
    .map((warning) => `${warning.line}: ${warning.message}`);
}
