import type { CardId } from '../domain/ids';
import { type CardState, cardPhases } from '../domain/progress';
import { hashString } from '../domain/string-hash';
import type { Parsed } from '../domain/validation/parsed';

// Card states are stored packed, many to a record, so that start-up reads every state in one
// getAll of at most `statePageCount` records instead of one record per card: with 80,000 states
// the per-record cost of IndexedDB (and of cloning 80,000 objects out of it) was over a second.
// A page is columnar: the card ids, and one Float64Array holding `stateFields` for each card in
// turn, which the structured clone copies as one block. A card always lives on the page its id
// hashes to, so a commit rewrites one small page.

/**
 * Changing it moves cards between pages: that needs a schema version and a migration. 1,024 pages
 * keep a commit's page near 10 KB at 80,000 states (256 pages made it 40 KB, and the review's
 * p95 at a million events rose past 50 ms) while start-up still reads them in about 100 ms.
 */
export const statePageCount = 1024;

/** The numeric fields of a packed state, in order; an absent optional field is NaN. */
export const stateFields = [
  'dueAtMillis',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'phase',
  'lastReviewAtMillis',
  'firstReviewAtMillis',
  'lastDueReviewAtMillis',
] as const;

const fieldCount = stateFields.length;

/** The stored form of a page: what the structured clone writes to IndexedDB. */
export interface PackedStatePage {
  readonly cardIds: readonly string[];
  /** `stateFields.length` numbers per card, cards in the order of `cardIds`. */
  readonly numbers: Float64Array;
}

/** A page read back: its valid states, and the cards whose packed state failed validation. */
export interface UnpackedStatePage {
  readonly states: CardState[];
  readonly broken: BrokenPackedState[];
}

interface BrokenPackedState {
  readonly cardId: CardId;
  /** The fields as they were unpacked, kept with the corrupt record. */
  readonly value: unknown;
  readonly reason: string;
}

/** A card's page, from a hash of its id: cheap, stable across releases and engines. */
export function statePageOf(cardId: string): number {
  return hashString(cardId) % statePageCount;
}

/** The distinct pages that hold these cards' states. */
export function statePagesOf(cardIds: readonly CardId[]): number[] {
  return [...new Set(cardIds.map(statePageOf))];
}

/**
 * Unpacks and validates a stored page. A page whose shape is wrong fails as a whole; a card whose
 * numbers are wrong (or whose id belongs on another page) is listed as broken, the rest kept.
 */
export function unpackStatePage(value: unknown, pageIndex: number): Parsed<UnpackedStatePage> {
  const page = value as Partial<PackedStatePage> | null;
  if (typeof page !== 'object' || page === null) {
    return { ok: false, reason: 'State page is not an object' };
  }
  const { cardIds, numbers } = page;
  if (!Array.isArray(cardIds) || !(numbers instanceof Float64Array)) {
    return { ok: false, reason: 'State page lacks its card ids or its numbers' };
  }
  if (numbers.length !== cardIds.length * fieldCount) {
    return {
      ok: false,
      reason: `State page holds ${numbers.length} numbers for ${cardIds.length} cards`,
    };
  }
  if (!cardIds.every((id: unknown) => typeof id === 'string' && id !== '')) {
    return { ok: false, reason: 'State page holds a card id that is not a text' };
  }
  // A plain loop and states of one shape: start-up unpacks every stored state through here.
  const states: CardState[] = [];
  const broken: BrokenPackedState[] = [];
  for (let index = 0; index < cardIds.length; index++) {
    const id = cardIds[index] as CardId;
    const base = index * fieldCount;
    const problem =
      statePageOf(id) === pageIndex
        ? invalidField(numbers, base)
        : `card ${id} belongs on another page`;
    const state = unpackedState(id, numbers, base);
    if (problem === undefined) states.push(state);
    else broken.push({ cardId: id, value: state, reason: problem });
  }
  return { ok: true, value: { states, broken } };
}

type FieldRule = 'finite' | 'non-negative' | 'count' | 'phase' | 'optional';

/** What each packed field may hold, checked on the numbers: the rules a card state keeps. */
const fieldRules: Readonly<Record<(typeof stateFields)[number], FieldRule>> = {
  dueAtMillis: 'finite',
  stability: 'non-negative',
  difficulty: 'non-negative',
  elapsedDays: 'non-negative',
  scheduledDays: 'non-negative',
  learningSteps: 'count',
  reps: 'count',
  lapses: 'count',
  phase: 'phase',
  lastReviewAtMillis: 'optional',
  firstReviewAtMillis: 'finite',
  lastDueReviewAtMillis: 'optional',
};

const expected: Record<FieldRule, string> = {
  finite: 'a number',
  'non-negative': 'a number ≥ 0',
  count: 'a whole number ≥ 0',
  phase: `the index of one of ${cardPhases.join(', ')}`,
  optional: 'a number or absent',
};

function satisfies(value: number, rule: FieldRule): boolean {
  switch (rule) {
    case 'finite':
      return Number.isFinite(value);
    case 'non-negative':
      return Number.isFinite(value) && value >= 0;
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'phase':
      return Number.isInteger(value) && value >= 0 && value < cardPhases.length;
    case 'optional':
      return Number.isNaN(value) || Number.isFinite(value);
  }
}

/**
 * Why the packed state at `base` is invalid, or undefined when it is valid. Checked on the numbers
 * themselves: 80,000 states are validated at every start-up.
 */
function invalidField(numbers: Float64Array, base: number): string | undefined {
  for (let offset = 0; offset < fieldCount; offset++) {
    const field = stateFields[offset] as (typeof stateFields)[number];
    const value = numbers[base + offset] ?? Number.NaN;
    const rule = fieldRules[field];
    if (!satisfies(value, rule)) return `${field} is ${value}, not ${expected[rule]}`;
  }
  return undefined;
}

/**
 * A packed state as a `CardState`; a NaN optional is undefined. Every state gets every field, so
 * that the engine gives all of them one shape and the loops over them stay fast.
 */
function unpackedState(cardId: CardId, numbers: Float64Array, base: number): CardState {
  const lastReviewAtMillis = numbers[base + 9] as number;
  const lastDueReviewAtMillis = numbers[base + 11] as number;
  return {
    cardId,
    dueAtMillis: numbers[base] as number,
    stability: numbers[base + 1] as number,
    difficulty: numbers[base + 2] as number,
    elapsedDays: numbers[base + 3] as number,
    scheduledDays: numbers[base + 4] as number,
    learningSteps: numbers[base + 5] as number,
    reps: numbers[base + 6] as number,
    lapses: numbers[base + 7] as number,
    phase: cardPhases[numbers[base + 8] as number] as CardState['phase'],
    lastReviewAtMillis: Number.isNaN(lastReviewAtMillis) ? undefined : lastReviewAtMillis,
    firstReviewAtMillis: numbers[base + 10] as number,
    lastDueReviewAtMillis: Number.isNaN(lastDueReviewAtMillis) ? undefined : lastDueReviewAtMillis,
  };
}
