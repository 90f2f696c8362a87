import type { CardId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { effectiveReviews } from '../scheduler/effective-reviews';
import type { RetentionTally } from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import { type CardCommit, dayDeltasBetween, type ReplaySettings } from './card-commit';
import { type CommitPlan, commitDeltas } from './commit-plan';
import { eventKey, keyPart, type StoredEntry } from './store-keys';

// What a read of stored events sets aside besides records that fail validation, and what setting
// events aside takes back from the records derived from them. Loaded with the scheduler.

/** A second copy of a stored id, as it is stored, and why it is set aside. */
export interface DuplicateCopy extends StoredEntry {
  readonly reason: string;
}

/**
 * Events are unique by id alone. Where an older version stored one id under several of the cards
 * read, the copy under the first card id stays (key order, so every read keeps the same one); the
 * others leave `logs` and are returned, to be set aside.
 */
export function takeDuplicateCopies(logs: Map<CardId, ProgressEvent[]>): DuplicateCopy[] {
  const ownerOfId = new Map<string, CardId>();
  const copies: DuplicateCopy[] = [];
  for (const cardId of [...logs.keys()].sort()) {
    const log = logs.get(cardId) ?? [];
    const kept = log.filter((event) => {
      const keptUnder = ownerOfId.get(event.id);
      if (keptUnder === undefined) ownerOfId.set(event.id, cardId);
      else {
        const reason = `event id ${event.id} is also stored for card ${keptUnder}`;
        copies.push({ key: eventKey(event), value: event, reason });
      }
      return keptUnder === undefined;
    });
    if (kept.length < log.length) logs.set(cardId, kept);
  }
  return copies;
}

/**
 * Whether a set-aside event sits under the key the app would have written it to: only then can it
 * have counted. A record whose id or card disagrees with its key was put there by other hands.
 */
function writtenUnderItsKey({ key, value }: StoredEntry): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return fields.cardId === keyPart(key, 1) && fields.id === keyPart(key, 2);
}

/**
 * What setting aside these stored events takes back, card by card, from the logs that remain.
 * Every write path validates, so a stored event that fails validation now (edited in place, or a
 * second copy of an id kept by an older version) passed when it was written and counted then: as
 * far as its shape still tells, its review comes off its day and the total (or the review its
 * undo cancelled counts again), and the card is replayed from the events that remain.
 */
export function planWithdrawals(
  logs: ReadonlyMap<CardId, readonly ProgressEvent[]>,
  setAside: readonly StoredEntry[],
  scheduler: Scheduler,
  settings: ReplaySettings,
): { plans: CardCommit[] } & Pick<CommitPlan, 'dayDeltas' | 'retentionDeltas'> {
  const byCard = new Map<CardId, ProgressEvent[]>();
  for (const record of setAside.filter(writtenUnderItsKey)) {
    const cardId = keyPart(record.key, 1) as CardId;
    const counted = asCountedEvent(record.value, cardId);
    byCard.set(cardId, [...(byCard.get(cardId) ?? []), ...(counted ? [counted] : [])]);
  }
  const plans = [...byCard].map(([cardId, counted]): CardCommit => {
    const kept = logs.get(cardId) ?? [];
    const before = effectiveReviews([...kept, ...counted]);
    const { state, controls, note } = scheduler.replayCard(cardId, kept, settings.leechLapses);
    // What the withdrawn events did to the phases of the card's reviews is no longer known: its
    // days' tallies are counted again from the logs when true retention next needs them.
    const retentionDeltaByDay = new Map<string, RetentionTally | undefined>(
      before.map((review) => [dayKey(review.reviewedAtMillis, settings.dayStartHour), undefined]),
    );
    return {
      cardId,
      addedEvents: [],
      state,
      controls,
      note,
      stateChanged: true,
      reviewDeltaByDay: dayDeltasBetween(before, effectiveReviews(kept), settings.dayStartHour),
      retentionDeltaByDay,
    };
  });
  return { plans, ...commitDeltas(plans) };
}

/** What counting needs of a set-aside event, when its shape still tells: kind, id and time. */
function asCountedEvent(value: unknown, cardId: CardId): ProgressEvent | undefined {
  const { kind, id, reviewedAtMillis, cancelsEventId } = value as Record<string, unknown>;
  if (typeof id !== 'string') return undefined;
  if (kind === 'undo' && typeof cancelsEventId === 'string') {
    return { kind, id, cardId, cancelsEventId, undoneAtMillis: 0 };
  }
  if (kind !== 'review' || typeof reviewedAtMillis !== 'number') return undefined;
  if (!Number.isFinite(reviewedAtMillis)) return undefined;
  return { kind, id, cardId, rating: 1, reviewedAtMillis, durationMillis: 0, source: 'study' };
}
