import { type CardId, cardId } from '../domain/ids';
import {
  type CardPhase,
  type CardState,
  defaultSettings,
  type ReviewEvent,
  ratings,
} from '../domain/progress';
import { parseSettings } from '../domain/validation/settings';
import { dayKey } from '../scheduler/day-boundary';
import { effectiveReviews } from '../scheduler/effective-reviews';
import type { SchedulerForSettings } from './progress-repository';
import { assertKnownSchemaVersion, currentSchemaVersion } from './schema-version';
import { statePageOf } from './state-page';
import { packStatePage } from './state-page-set';
import {
  corruptKey,
  dayRecordKey,
  eventKey,
  keyPart,
  type RecordKind,
  type StoredEntry,
  settingsKey,
  stateKey,
  statePageKey,
  totalsKey,
} from './store-keys';

// Each change of the store's layout bumps the schema version and adds a step here that rewrites
// the whole store from one version to the next. Steps are pure (entries in, entries out) so a test
// can run them without IndexedDB; the repository runs them in one transaction, so a failure keeps
// the old data as it was. The version itself sits at ['meta', 'schema'] and is written by the
// runner, never by a step.

export interface MigrationContext {
  readonly schedulerFor: SchedulerForSettings;
}

export interface MigrationStep {
  readonly fromVersion: number;
  readonly summary: string;
  /**
   * The kinds of record the step reads and replaces; the others stay where they are, unread. A step
   * without it reads and rewrites the whole store.
   */
  readonly kinds?: readonly RecordKind[];
  /** Whether the step replays cards: only then does it need the scheduler (ts-fsrs) loaded. */
  readonly replays?: boolean;
  migrate(entries: readonly StoredEntry[], context: MigrationContext): StoredEntry[];
}

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

const setAside = (key: IDBValidKey, value: unknown, reason: string): StoredEntry => ({
  key: corruptKey(key),
  value: { key, value, reason },
});

const version1To2: MigrationStep = {
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

const version2To3: MigrationStep = {
  fromVersion: 2,
  summary: 'card states packed into pages, so that start-up reads them in one request',
  kinds: ['state'],
  migrate(entries) {
    const output: StoredEntry[] = [];
    const pages = new Map<number, CardState[]>();
    for (const entry of entries) {
      const { key, value } = entry;
      const id = keyPart(key, 1);
      if (keyPart(key, 0) !== 'state' || id === undefined) {
        output.push(entry);
        continue;
      }
      // Packed unchecked: a state that was corrupt fails validation when its page is read, and is
      // rebuilt from its events then, as version 2 did.
      const state = looseState(cardId(id), value);
      const pageIndex = statePageOf(id);
      pages.set(pageIndex, [...(pages.get(pageIndex) ?? []), state]);
    }
    for (const [pageIndex, states] of pages) {
      output.push({ key: statePageKey(pageIndex), value: packStatePage(states) });
    }
    return output;
  },
};

/** A stored state's fields as they are, any that is not a number as NaN, to be packed. */
function looseState(id: CardId, value: unknown): CardState {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const number = (name: string) => {
    const field = fields[name];
    return typeof field === 'number' ? field : Number.NaN;
  };
  const optional = (name: string) => (fields[name] === undefined ? undefined : number(name));
  const lastReviewAtMillis = optional('lastReviewAtMillis');
  const lastDueReviewAtMillis = optional('lastDueReviewAtMillis');
  return {
    cardId: id,
    dueAtMillis: number('dueAtMillis'),
    stability: number('stability'),
    difficulty: number('difficulty'),
    elapsedDays: number('elapsedDays'),
    scheduledDays: number('scheduledDays'),
    learningSteps: number('learningSteps'),
    reps: number('reps'),
    lapses: number('lapses'),
    phase: fields.phase as CardPhase,
    ...(lastReviewAtMillis === undefined ? {} : { lastReviewAtMillis }),
    firstReviewAtMillis: number('firstReviewAtMillis'),
    ...(lastDueReviewAtMillis === undefined ? {} : { lastDueReviewAtMillis }),
  };
}

export const migrationSteps: readonly MigrationStep[] = [version1To2, version2To3];

/**
 * The kinds of record a migration from `fromVersion` reads and replaces; undefined when it
 * rewrites the whole store.
 */
export function migratedKinds(fromVersion: number): readonly RecordKind[] | undefined {
  const steps = migrationSteps.filter((step) => step.fromVersion >= fromVersion);
  if (steps.some((step) => step.kinds === undefined)) return undefined;
  return [...new Set(steps.flatMap((step) => step.kinds ?? []))];
}

/** Whether a migration from `fromVersion` replays cards, and so needs the scheduler. */
export function migrationReplays(fromVersion: number): boolean {
  return migrationSteps.some((step) => step.fromVersion >= fromVersion && step.replays === true);
}

/** Runs every step from `fromVersion` up to the current version. */
export function migrateEntries(
  entries: readonly StoredEntry[],
  fromVersion: number,
  context: MigrationContext,
): StoredEntry[] {
  assertKnownSchemaVersion(fromVersion);
  let current = [...entries];
  for (let version = fromVersion; version < currentSchemaVersion; version += 1) {
    const step = migrationSteps.find((candidate) => candidate.fromVersion === version);
    if (!step) throw new Error(`No migration from schema version ${version}`);
    current = step.migrate(current, context);
  }
  return current;
}
