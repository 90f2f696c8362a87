import type { CardWithTopic } from '../domain/deck-card-lookup';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId, DeckId } from '../domain/ids';
import { type CardState, cardPhases } from '../domain/progress';
import { isCardWithTopic } from '../domain/validation/card-with-topic';
import { isText } from '../domain/validation/parsed';
import type { QueueCounts } from './queue-counts';
import type { DeckCountsRecord } from './recorded-deck-counts';

// The head of "Study all due", kept with the deck counts (`recorded-deck-counts.ts`) so that the
// next start shows its first card before the card states are read: at 100,000 cards reading and
// unpacking them takes most of a second. While the stored progress stays as counted (the change
// stamp says so) the queue changes only with time: when a (re)learning card comes due, and when a
// study day starts. So a head is kept from now, from each moment a learning card comes due, and
// from the starts of the next study days, each until the next of those moments
// (`keep-study-heads.ts`, loaded with the keeping). The first cards of the heads kept longest are
// kept whole, with their topics, so that they show before their decks are fetched: while the
// states are read, a big deck's JSON arrives hundreds of ms late. Here is what the study page
// reads of them.

/** The first cards of the session's queue, and its counts, for a span of time. */
export interface KeptStudyHead {
  /** The head is the queue's from this moment… */
  readonly fromMillis: number;
  /** …until this one, when a learning card comes due or the study day ends. */
  readonly untilMillis: number;
  /** The queue's first card and the one up next; empty when nothing is due. */
  readonly cardIds: readonly CardId[];
  /** The deck of each of those cards. */
  readonly deckIds: readonly DeckId[];
  /** The whole queue, counted as the session shows it. */
  readonly counts: QueueCounts;
}

/** The kept heads, and the stored states of the cards in them, for the rating buttons. */
export interface KeptStudyHeads {
  readonly heads: readonly KeptStudyHead[];
  readonly states: readonly CardState[];
  /**
   * Each head's first card as its deck held it when kept; one whose deck failed to load then is
   * left out, and shows once its deck is in. The deck's own card replaces it when loaded.
   */
  readonly cards: readonly CardWithTopic[];
}

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function isHead(value: unknown): boolean {
  const head = value as Partial<KeptStudyHead> | undefined;
  return (
    typeof head?.fromMillis === 'number' &&
    typeof head.untilMillis === 'number' &&
    Array.isArray(head.cardIds) &&
    head.cardIds.every(isText) &&
    Array.isArray(head.deckIds) &&
    head.deckIds.length === head.cardIds.length &&
    head.deckIds.every(isText) &&
    isCount(head.counts?.new) &&
    isCount(head.counts?.learning) &&
    isCount(head.counts?.review)
  );
}

const numericStateFields = [
  'dueAtMillis',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'firstReviewAtMillis',
] as const;
const optionalStateFields = ['lastReviewAtMillis', 'lastDueReviewAtMillis'] as const;

function isState(value: unknown): boolean {
  const state = value as Partial<CardState> | undefined;
  return (
    isText(state?.cardId) &&
    cardPhases.includes(state?.phase as CardState['phase']) &&
    numericStateFields.every((field) => Number.isFinite(state?.[field])) &&
    optionalStateFields.every(
      (field) => state?.[field] === undefined || Number.isFinite(state[field]),
    )
  );
}

/**
 * The record's heads when whole. Start-up hands the record over without looking into them: they
 * are checked here, in the code that reads them, and a damaged set is left for the next count.
 */
function keptHeadsOf(record: DeckCountsRecord | undefined): KeptStudyHeads | undefined {
  const kept = record?.studyHeads as Partial<KeptStudyHeads> | undefined;
  const whole =
    Array.isArray(kept?.heads) &&
    kept.heads.every(isHead) &&
    Array.isArray(kept.states) &&
    kept.states.every(isState) &&
    // Records kept before cards were are counted again, so that the next start has them.
    Array.isArray(kept.cards);
  return whole ? (kept as KeptStudyHeads) : undefined;
}

const headFor = (heads: KeptStudyHeads, nowMillis: number) =>
  heads.heads.find((each) => each.fromMillis <= nowMillis && nowMillis < each.untilMillis);

/**
 * The kept head of a session over `decks` at `nowMillis`, when the record applies: the same decks
 * in the same order, each with the same cards, no buried card back yet, and a head kept for this
 * moment. Undefined otherwise, or when nothing is due: the session then builds its queue.
 */
export function keptStudyHeadAt(
  record: DeckCountsRecord | undefined,
  decks: readonly Pick<DeckSummary, 'id' | 'cardsFingerprint'>[],
  nowMillis: number,
): KeptStudyHead | undefined {
  const heads = keptHeadsOf(record);
  if (!record || !heads) return undefined;
  const sameDecks =
    record.decks.length === decks.length &&
    record.decks.every(
      (recorded, index) =>
        recorded.deckId === decks[index]?.id &&
        recorded.cardsFingerprint === decks[index]?.cardsFingerprint,
    );
  if (!sameDecks || nowMillis < record.countedAtMillis || nowMillis >= record.validUntilMillis) {
    return undefined;
  }
  const head = headFor(heads, nowMillis);
  return head && head.cardIds.length > 0 ? head : undefined;
}

/** Whether the record keeps a head, empty or not, for `nowMillis`. */
export function keepsStudyHeadFor(record: DeckCountsRecord, nowMillis: number): boolean {
  const heads = keptHeadsOf(record);
  return heads !== undefined && headFor(heads, nowMillis) !== undefined;
}

/** The stored state of a card in the record's heads; undefined for a new card or another one. */
export function keptHeadState(
  record: DeckCountsRecord | undefined,
  cardId: CardId,
): CardState | undefined {
  return keptHeadsOf(record)?.states.find((state) => state.cardId === cardId);
}

/** The card kept whole with the record's heads, when it is there and undamaged. */
export function keptHeadCard(
  record: DeckCountsRecord | undefined,
  cardId: CardId,
): CardWithTopic | undefined {
  const cards = (record?.studyHeads as Partial<KeptStudyHeads> | undefined)?.cards;
  if (!Array.isArray(cards)) return undefined;
  const kept: unknown = cards.find((each) => each?.card?.id === cardId);
  return isCardWithTopic(kept, cardId) ? kept : undefined;
}
