import { type CardId, cardId } from '../../domain/ids';
import {
  type CardPhase,
  type CardState,
  defaultSettings,
  type ReviewEvent,
  ratings,
} from '../../domain/progress';
import { parseSettings } from '../../domain/validation/settings';
import { dayKey } from '../../scheduler/day-boundary';
import { effectiveReviews } from '../../scheduler/effective-reviews';
import {
  dayRecordKey,
  eventKey,
  keyPart,
  type StoredEntry,
  settingsKey,
  stateKey,
  totalsKey,
} from '../store-keys';
import { type MigrationStep, setAside } from './migration-step';

/** Version 1, the first release's layout. Dates were ISO strings, as `JSON.stringify` writes them. */
export interface StateV1 {
  readonly cardId: string;
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsedDays: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: 'New' | 'Learning' | 'Review' | 'Relearning';
  readonly lastReview?: string;
}

/** Version 1 events, at ['event', id]; version 1 had no undo and no quiz option. */
export interface ReviewEventV1 {
  readonly id: string;
  readonly cardId: string;
  readonly rating: number;
  readonly reviewedAt: string;
  readonly durationMillis: number;
  readonly source: 'study' | 'quiz';
}

const phaseOfV1: Record<StateV1['state'], CardPhase> = {
  New: 'new',
  Learning: 'learning',
  Review: 'review',
  Relearning: 'relearning',
};

function isoMillis(value: unknown, name: string): number {
  const millis = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) throw new Error(`${name} ${String(value)} is not an ISO date`);
  return millis;
}

function numberOf(record: Readonly<Record<string, unknown>>, name: string): number {
  const value = record[name];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${name} is not a number`);
  return value;
}

function recordOf(value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  return value as Readonly<Record<string, unknown>>;
}

function eventFromV1(value: unknown): ReviewEvent {
  const record = recordOf(value);
  const rating = ratings.find((candidate) => candidate === record.rating);
  if (rating === undefined) throw new Error(`rating ${String(record.rating)} is not 1-4`);
  if (typeof record.id !== 'string' || typeof record.cardId !== 'string') {
    throw new Error('id or cardId is not a text');
  }
  return {
    kind: 'review',
    id: record.id,
    cardId: cardId(record.cardId),
    rating,
    reviewedAtMillis: isoMillis(record.reviewedAt, 'reviewedAt'),
    durationMillis: numberOf(record, 'durationMillis'),
    source: record.source === 'quiz' ? 'quiz' : 'study',
  };
}

/** A version 1 state kept only for a card with no events: its log is then lost, its state is not. */
function stateFromV1(value: unknown): CardState | undefined {
  const record = recordOf(value);
  const phase = phaseOfV1[record.state as StateV1['state']];
  if (phase === undefined || typeof record.cardId !== 'string') {
    throw new Error('state or cardId is missing');
  }
  if (phase === 'new' || record.lastReview === undefined) return undefined;
  const lastReviewAtMillis = isoMillis(record.lastReview, 'lastReview');
  return {
    cardId: cardId(record.cardId),
    dueAtMillis: isoMillis(record.due, 'due'),
    stability: numberOf(record, 'stability'),
    difficulty: numberOf(record, 'difficulty'),
    elapsedDays: numberOf(record, 'elapsedDays'),
    scheduledDays: numberOf(record, 'scheduledDays'),
    learningSteps: numberOf(record, 'learningSteps'),
    reps: numberOf(record, 'reps'),
    lapses: numberOf(record, 'lapses'),
    phase,
    lastReviewAtMillis,
    // Unknown in version 1; the last review is the best guess and only matters for today's limits.
    firstReviewAtMillis: lastReviewAtMillis,
  };
}

export const version1To2: MigrationStep = {
  fromVersion: 1,
  replays: true,
  summary:
    'dates as epoch milliseconds, events keyed by card, undo events, day counts and a running total',
  migrate(entries, context) {
    const output: StoredEntry[] = [];
    const eventsByCard = new Map<CardId, ReviewEvent[]>();
    const v1States = new Map<CardId, CardState>();
    let settings = defaultSettings;

    for (const { key, value } of entries) {
      const kind = keyPart(key, 0);
      try {
        if (kind === 'meta' && keyPart(key, 1) === 'settings') {
          const parsed = parseSettings(value);
          if (parsed.ok) settings = parsed.value;
          output.push({ key: settingsKey, value });
        } else if (kind === 'event') {
          const event = eventFromV1(value);
          eventsByCard.set(event.cardId, [...(eventsByCard.get(event.cardId) ?? []), event]);
          output.push({ key: eventKey(event), value: event });
        } else if (kind === 'state') {
          const state = stateFromV1(value);
          if (state) v1States.set(state.cardId, state);
        } else {
          output.push(setAside(key, value, 'not a record version 1 knew'));
        }
      } catch (error) {
        output.push(setAside(key, value, `version 1 record: ${(error as Error).message}`));
      }
    }

    // The log is the truth: states are rebuilt by replay wherever events exist.
    const scheduler = context.schedulerFor(settings);
    const reviewsByDay = new Map<string, number>();
    let totalReviews = 0;
    for (const [id, events] of eventsByCard) {
      const state = scheduler.replay(id, events);
      if (state) output.push({ key: stateKey(id), value: state });
      for (const review of effectiveReviews(events)) {
        const day = dayKey(review.reviewedAtMillis, settings.dayStartHour);
        reviewsByDay.set(day, (reviewsByDay.get(day) ?? 0) + 1);
        totalReviews += 1;
      }
    }
    for (const [id, state] of v1States) {
      if (!eventsByCard.has(id)) output.push({ key: stateKey(id), value: state });
    }
    for (const [day, reviewCount] of reviewsByDay) {
      output.push({ key: dayRecordKey(day), value: { dayKey: day, reviewCount } });
    }
    output.push({ key: totalsKey, value: { reviewCount: totalReviews } });
    return output;
  },
};
