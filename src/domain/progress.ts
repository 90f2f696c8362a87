import type { DeckOptions } from './deck-options';
import { type CardId, cardId, type TopicId } from './ids';

/** 1 Again, 2 Hard, 3 Good, 4 Easy: the four answer buttons, as FSRS numbers them. */
export const ratings = [1, 2, 3, 4] as const;
export type Rating = (typeof ratings)[number];

type ReviewSource = 'study' | 'quiz';

/** One answer. Events are never changed or deleted: an undo is another event. */
export interface ReviewEvent {
  readonly kind: 'review';
  /** Unique across devices and tabs (a random UUID): merging logs is a union by this id. */
  readonly id: string;
  readonly cardId: CardId;
  readonly rating: Rating;
  readonly reviewedAtMillis: number;
  readonly durationMillis: number;
  readonly source: ReviewSource;
  /**
   * The desired retention that scheduled this answer, when its deck sets its own; absent, the
   * global setting applies. Only the interval depends on it, never stability or difficulty.
   */
  readonly desiredRetention?: number;
  /** The option a quiz answer picked, so statistics can show which distractors fool learners. */
  readonly pickedOptionIndex?: number;
}

/**
 * Cancels one review. It names the review's card too: a card's replay then needs only that card's
 * events, and an undo merged before the review it cancels still finds it later.
 */
export interface UndoEvent {
  readonly kind: 'undo';
  readonly id: string;
  readonly cardId: CardId;
  readonly cancelsEventId: string;
  readonly undoneAtMillis: number;
}

/**
 * What a learner does to a card besides answering it, at `atMillis`: suspend and unsuspend, bury
 * until `untilMillis` (the start of the next study day), flag (0 clears it), reset to new, or mark
 * as known (scheduled as an Easy answer would be). An undo may cancel any of them.
 */
export type CardActionEvent =
  | CardActionOf<'suspend' | 'unsuspend' | 'reset' | 'known'>
  | (CardActionOf<'bury'> & { readonly untilMillis: number })
  | (CardActionOf<'flag'> & { readonly flag: FlagNumber | 0 });

interface CardActionOf<Kind extends string> {
  readonly kind: Kind;
  readonly id: string;
  readonly cardId: CardId;
  readonly atMillis: number;
}

export const cardActionKinds = ['suspend', 'unsuspend', 'bury', 'flag', 'reset', 'known'] as const;

/** Red, orange, green, blue, as Anki numbers its flags. */
export type FlagNumber = 1 | 2 | 3 | 4;
export const flagNumbers: readonly FlagNumber[] = [1, 2, 3, 4];

/**
 * A topic's note as it reads from `atMillis` on; the latest wins. Its log is that of a pseudo
 * card, `noteOwnerId(topicId)`, so notes travel, merge and replay through the same path as cards.
 */
export interface NoteEvent {
  readonly kind: 'note';
  readonly id: string;
  readonly cardId: CardId;
  readonly topicId: TopicId;
  readonly text: string;
  readonly atMillis: number;
}

export type ProgressEvent = ReviewEvent | UndoEvent | CardActionEvent | NoteEvent;

/** The log a topic's note events live in; no card id has this form (card ids hold no `note:`). */
export const noteOwnerId = (topic: TopicId): CardId => cardId(`note:${topic}`);

export const cardPhases = ['new', 'learning', 'review', 'relearning'] as const;
export type CardPhase = (typeof cardPhases)[number];

/** A card part way through its (re)learning steps: due by the minute, not by the day. */
export const inLearningSteps = (phase: CardPhase): boolean =>
  phase === 'learning' || phase === 'relearning';

/**
 * The FSRS card with dates as epoch milliseconds: every field ts-fsrs 5's `Card` holds, so it
 * converts both ways without loss. It is a cache of the replay of the card's events.
 */
export interface CardState {
  readonly cardId: CardId;
  readonly dueAtMillis: number;
  readonly stability: number;
  readonly difficulty: number;
  /** Whole days between the last two reviews, as ts-fsrs counts them (UTC calendar days). */
  readonly elapsedDays: number;
  readonly scheduledDays: number;
  /** Index of the current (re)learning step. */
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly phase: CardPhase;
  // The optional fields may also be set to undefined: states unpacked from storage carry every
  // field, so that they all share one shape in the engine.
  readonly lastReviewAtMillis?: number | undefined;
  /**
   * Not part of FSRS: the daily limits need them without reading the log. When the card was first
   * reviewed (it counts against the new-card limit that day), and when it was last answered while
   * in the review phase (it counts against the review limit that day).
   */
  readonly firstReviewAtMillis: number;
  readonly lastDueReviewAtMillis?: number | undefined;
}

export interface Settings {
  /** Probability of recall FSRS aims for at the due date, within `desiredRetentionRange`. */
  readonly desiredRetention: number;
  /** Local hour (0-23) at which a study day begins. */
  readonly dayStartHour: number;
  readonly newPerDay: number;
  readonly reviewsPerDay: number;
  readonly maxIntervalDays: number;
  /** Questions in one quiz, within `quizLengthRange`. */
  readonly quizLength: number;
  /** Once a card of a topic is answered, the topic's other cards wait until the next study day. */
  readonly siblingsWait: boolean;
  /** When nothing else is due, learning cards due within this many minutes show at once. */
  readonly learnAheadMinutes: number;
  /** Mastery is full when a card's memory will last this many days, within `masteryHorizonRange`. */
  readonly masteryHorizonDays: number;
  /** A card lapsing this many times is tagged a leech and suspended, within `leechLapsesRange`. */
  readonly leechLapses: number;
  /** Limits and retention a deck sets for itself, by deck id (see `settingsForDeck`). */
  readonly deckOptions: Readonly<Record<string, DeckOptions>>;
  /**
   * When the learner last saved these settings, in epoch ms; absent until the first save. Sync
   * keeps the settings changed last, across devices.
   */
  readonly changedAtMillis?: number;
}

export const quizLengthRange = { min: 5, max: 50 } as const;

export const desiredRetentionRange = { min: 0.7, max: 0.97 } as const;

export const learnAheadRange = { min: 0, max: 1440 } as const;

export const masteryHorizonRange = { min: 1, max: 365 } as const;

export const leechLapsesRange = { min: 1, max: 99 } as const;

export const defaultSettings: Settings = {
  desiredRetention: 0.9,
  dayStartHour: 4,
  newPerDay: 20,
  reviewsPerDay: 200,
  maxIntervalDays: 36500,
  quizLength: 10,
  siblingsWait: true,
  learnAheadMinutes: 20,
  masteryHorizonDays: 30,
  leechLapses: 8,
  deckOptions: {},
};
