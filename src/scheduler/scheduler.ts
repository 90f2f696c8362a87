import {
  type AbstractScheduler,
  type Card,
  createEmptyCard,
  type FSRS,
  fsrs,
  generatorParameters,
  StrategyMode,
} from 'ts-fsrs';
import type { CardId } from '../domain/ids';
import {
  type CardState,
  desiredRetentionRange,
  type ProgressEvent,
  type Rating,
  type Settings,
} from '../domain/progress';
import { fromFsrsCard, toFsrsCard } from './fsrs-card';
import { type CardReplay, replayCard } from './replay-card';
import { retrievabilityOn } from './retrievability';

interface IntervalPreview {
  readonly dueAtMillis: number;
  readonly intervalMillis: number;
}

/** Our face of FSRS: pure, time passed in, so the rest of the app never sees ts-fsrs types. */
export interface Scheduler {
  readonly desiredRetention: number;
  /**
   * The card's state after one answer. A review timed before the card's last one (the clock went
   * back) counts as made at the last one: ts-fsrs refuses negative elapsed time. A deck's own
   * `desiredRetention` replaces the scheduler's for this answer.
   */
  review(
    state: CardState | undefined,
    cardId: CardId,
    rating: Rating,
    nowMillis: number,
    desiredRetention?: number,
  ): CardState;
  /** What each of the four buttons would do now; the same fuzz as `review`, so labels hold. */
  preview(
    state: CardState | undefined,
    cardId: CardId,
    nowMillis: number,
    desiredRetention?: number,
  ): Record<Rating, IntervalPreview>;
  /**
   * The card's events (others are ignored) folded through `review`; undefined when no review
   * counts or since a reset. See `replayCard`.
   */
  replay(cardId: CardId, events: Iterable<ProgressEvent>): CardState | undefined;
  /** The whole replay: the state, the card's controls and, for a note log, the note. */
  replayCard(cardId: CardId, events: Iterable<ProgressEvent>, leechLapses: number): CardReplay;
  /** Current probability of recall; 0 for a card never reviewed. */
  retrievability(state: CardState | undefined, nowMillis: number): number;
}

/** A ts-fsrs card that carries its id, for the fuzz seed; ts-fsrs copies unknown fields along. */
type SeededCard = Card & { readonly seedCardId: CardId };

/**
 * The fuzz seed is the card id and the review's ordinal, nothing else: the replay of a card's log
 * draws exactly the fuzz its incremental reviews drew, and an undone review's number is drawn
 * again by the next one. ts-fsrs calls it on its copy of the card, `reps` already counting this
 * review.
 */
function cardOrdinalSeed(this: AbstractScheduler): string {
  const current: SeededCard = Reflect.get(this, 'current');
  return `${current.seedCardId}#${current.reps}`;
}

export interface SchedulerOptions {
  readonly desiredRetention: number;
  readonly maxIntervalDays?: number;
  /** On in the app, off in tests: intervals from 2.5 days on get spread by a few days. */
  readonly fuzz: boolean;
}

function checkRetention(desiredRetention: number): void {
  if (
    !(
      desiredRetention >= desiredRetentionRange.min && desiredRetention <= desiredRetentionRange.max
    )
  ) {
    throw new RangeError(
      `Desired retention ${desiredRetention} is outside ${desiredRetentionRange.min}-${desiredRetentionRange.max}`,
    );
  }
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { desiredRetention } = options;
  checkRetention(desiredRetention);
  // One ts-fsrs engine per retention in use: a deck's own retention gets its own.
  const engines = new Map<number, FSRS>();
  const engineFor = (retention = desiredRetention): FSRS => {
    const known = engines.get(retention);
    if (known) return known;
    checkRetention(retention);
    const engine = fsrs(
      generatorParameters({
        request_retention: retention,
        maximum_interval: options.maxIntervalDays ?? 36500,
        learning_steps: ['1m', '10m'],
        relearning_steps: ['10m'],
        enable_fuzz: options.fuzz,
        enable_short_term: true,
      }),
    );
    // biome-ignore lint/correctness/useHookAtTopLevel: ts-fsrs's useStrategy is no React hook.
    engine.useStrategy(StrategyMode.SEED, cardOrdinalSeed);
    engines.set(retention, engine);
    return engine;
  };
  const engine = engineFor();

  const prepare = (state: CardState | undefined, cardId: CardId, nowMillis: number) => {
    const reviewAtMillis = Math.max(nowMillis, state?.lastReviewAtMillis ?? nowMillis);
    const card: SeededCard = {
      ...(state ? toFsrsCard(state) : createEmptyCard(reviewAtMillis)),
      seedCardId: cardId,
    };
    return { card, reviewAt: new Date(reviewAtMillis), reviewAtMillis };
  };

  const review: Scheduler['review'] = (state, cardId, rating, nowMillis, retention) => {
    const { card, reviewAt, reviewAtMillis } = prepare(state, cardId, nowMillis);
    const next = engineFor(retention).next(card, reviewAt, rating).card;
    const lastDueReviewAtMillis =
      state?.phase === 'review' ? reviewAtMillis : state?.lastDueReviewAtMillis;
    return fromFsrsCard(cardId, next, {
      firstReviewAtMillis: state?.firstReviewAtMillis ?? reviewAtMillis,
      ...(lastDueReviewAtMillis !== undefined ? { lastDueReviewAtMillis } : {}),
    });
  };

  return {
    desiredRetention,
    review,
    preview(state, cardId, nowMillis, retention) {
      const { card, reviewAt } = prepare(state, cardId, nowMillis);
      const log = engineFor(retention).repeat(card, reviewAt);
      const entry = (rating: Rating): IntervalPreview => {
        const dueAtMillis = log[rating].card.due.getTime();
        return { dueAtMillis, intervalMillis: dueAtMillis - nowMillis };
      };
      return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4) };
    },
    // The leech threshold changes no state, only the controls.
    replay: (cardId, events) => replayCard(review, cardId, events, Number.POSITIVE_INFINITY).state,
    replayCard: (cardId, events, leechLapses) => replayCard(review, cardId, events, leechLapses),
    retrievability: (state, nowMillis) =>
      retrievabilityOn(
        (days, stability) => engine.forgetting_curve(days, stability),
        state,
        nowMillis,
      ),
  };
}

/** The scheduler the settings ask for. */
export function schedulerForSettings(settings: Settings, fuzz: boolean): Scheduler {
  return createScheduler({
    desiredRetention: settings.desiredRetention,
    maxIntervalDays: settings.maxIntervalDays,
    fuzz,
  });
}
