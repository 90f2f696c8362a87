import { lazyShuffle, type Random } from './seeded-random';
import type { TermMatcher } from './term-matcher';

export interface DistractorCandidate {
  readonly topic: { readonly title: string };
  readonly matcher: TermMatcher;
}

export interface DistractorChoice<T> {
  readonly distractors: readonly T[];
  /** The subset of `distractors` the prompt names: the caller masks them. */
  readonly mentioned: readonly T[];
}

// Beyond this many candidates a deck is large enough that giving up costs nothing real.
const maxCandidatesExamined = 200;

/**
 * Picks up to `count` distractors: siblings from the answer's section first, then the rest of the
 * deck, each group in seeded random order. Titles must differ from the answer's and each other's
 * (ignoring case); candidates the prompt does not name are preferred, and named ones are used only
 * when there are not enough others. Work is per topic over a few candidates, never the whole deck.
 */
export function pickDistractors<T extends DistractorCandidate>(
  answer: T,
  siblings: readonly T[],
  others: readonly T[],
  count: number,
  prompt: string,
  random: Random,
): DistractorChoice<T> {
  const seen = new Set([titleKey(answer.topic.title)]);
  const clean: T[] = [];
  const named: T[] = [];
  let examined = 0;
  for (const group of [siblings, others]) {
    for (const candidate of lazyShuffle(group, random)) {
      if (clean.length >= count || examined >= maxCandidatesExamined) break;
      if (candidate === answer) continue;
      examined++;
      const key = titleKey(candidate.topic.title);
      if (seen.has(key)) continue;
      seen.add(key);
      if (candidate.matcher.occursIn(prompt)) named.push(candidate);
      else clean.push(candidate);
    }
  }
  const mentioned = named.slice(0, Math.max(0, count - clean.length));
  return { distractors: [...clean, ...mentioned], mentioned };
}

function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
