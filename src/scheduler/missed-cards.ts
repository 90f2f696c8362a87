import type { CardId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import { answeredAgainSince } from './answered-again';

const dayMillis = 86_400_000;

/** The study cards missed (answered Again, lapses included) in the last `days` days, to practise. */
export function missedCards(
  studyCardIds: readonly CardId[],
  events: Iterable<ProgressEvent>,
  days: number,
  nowMillis: number,
): CardId[] {
  return answeredAgainSince(studyCardIds, events, nowMillis - days * dayMillis, nowMillis);
}
