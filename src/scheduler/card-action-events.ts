import type { CardAction } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import { type CardActionEvent, type NoteEvent, noteOwnerId } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';

/** When and under which ids a batch of events is made (ids are random UUIDs in the app). */
export interface EventStamps {
  readonly nowMillis: number;
  readonly newEventId: () => string;
}

/** One event per card for `action`; a bury lasts until the next study day begins. */
export function cardActionEvents(
  action: CardAction,
  cardIds: readonly CardId[],
  dayStartHour: number,
  stamps: EventStamps,
): CardActionEvent[] {
  const atMillis = stamps.nowMillis;
  const untilMillis = nextStudyDayStartMillis(atMillis, dayStartHour);
  return [...new Set(cardIds)].map((cardId): CardActionEvent => {
    const base = { id: stamps.newEventId(), cardId, atMillis };
    switch (action.kind) {
      case 'bury':
        return { kind: 'bury', ...base, untilMillis };
      case 'flag':
        return { kind: 'flag', ...base, flag: action.flag };
      default:
        return { kind: action.kind, ...base };
    }
  });
}

export function noteEvent(topicId: TopicId, text: string, stamps: EventStamps): NoteEvent {
  return {
    kind: 'note',
    id: stamps.newEventId(),
    cardId: noteOwnerId(topicId),
    topicId,
    text,
    atMillis: stamps.nowMillis,
  };
}
