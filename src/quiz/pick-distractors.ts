import type { GrammarNumber } from './grammar-number';
import type { TermMatcher } from './term-matcher';
import type { TitleKind } from './title-kind';

export interface DistractorCandidate {
  readonly topic: { readonly title: string };
  /** The title as `titleKey` gives it, worked out once per topic. */
  readonly titleKey: string;
  readonly matcher: TermMatcher;
  readonly kind: TitleKind;
  readonly number: GrammarNumber;
}

export interface DistractorChoice<T> {
  readonly distractors: readonly T[];
  /** The subset of `distractors` the prompt names: the caller masks them. */
  readonly mentioned: readonly T[];
}

export interface DistractorWants {
  readonly count: number;
  /** Masked text the options stand beside: candidates it names come last. */
  readonly prompt: string;
  /** When the prompt's blank demands a number, only titles of that number can stand in it. */
  readonly number?: GrammarNumber | undefined;
}

// Beyond this many candidates a deck is large enough that giving up costs nothing real.
const maxCandidatesExamined = 64;

/**
 * Picks up to `count` distractors from `groups` in turn (the answer's section, then the rest of
 * the deck), each group in the caller's order: closest descriptions first. Within a group a title
 * of the answer's kind comes before one of another kind, so a library name never stands alone
 * among concepts. Never a title equal to the answer's or another option's (ignoring case); never
 * a title of the wrong number where the blank demands one; candidates the prompt names are used
 * only when there are not enough others. Work is bounded: at most 64 candidates are examined.
 */
export function pickDistractors<T extends DistractorCandidate>(
  answer: T,
  groups: readonly Iterable<T>[],
  wants: DistractorWants,
): DistractorChoice<T> {
  const seen = new Set([answer.titleKey]);
  const chosen: T[] = [];
  const named: T[] = [];
  let examined = 0;
  for (const group of groups) {
    const sameKind: T[] = [];
    // Checked against the prompt only if taken: most are never needed.
    const otherKind: T[] = [];
    for (const candidate of group) {
      if (chosen.length + sameKind.length >= wants.count || examined >= maxCandidatesExamined) {
        break;
      }
      if (candidate === answer) continue;
      examined++;
      if (wants.number !== undefined && candidate.number !== wants.number) continue;
      if (seen.has(candidate.titleKey)) continue;
      seen.add(candidate.titleKey);
      if (candidate.kind !== answer.kind) otherKind.push(candidate);
      else if (candidate.matcher.occursIn(wants.prompt)) named.push(candidate);
      else sameKind.push(candidate);
    }
    chosen.push(...sameKind);
    for (const candidate of otherKind) {
      if (chosen.length >= wants.count) break;
      if (candidate.matcher.occursIn(wants.prompt)) named.push(candidate);
      else chosen.push(candidate);
    }
    if (chosen.length >= wants.count) break;
  }
  const mentioned = named.slice(0, Math.max(0, wants.count - chosen.length));
  return { distractors: [...chosen, ...mentioned], mentioned };
}

export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
