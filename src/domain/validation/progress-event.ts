import { noteMaxLength } from '../card-controls';
import { type CardId, cardId, topicId } from '../ids';
import {
  type CardActionEvent,
  cardActionKinds,
  type FlagNumber,
  flagNumbers,
  noteOwnerId,
  type ProgressEvent,
  type Rating,
  ratings,
} from '../progress';
import { type Fields, Invalid, type Parsed, parse, shown } from './parsed';
import { fieldsOf, numberField, oneOf, optionalNumberField, textField } from './record-fields';
import { checkRetention } from './settings';

// An event as storage, another tab or a backup hands it over. Only the known fields are copied,
// so stray extra fields never travel further.

function expectCard(actual: CardId, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new Invalid(`cardId ${actual} does not match its key's ${expected}`);
  }
}

export function parseProgressEvent(value: unknown, expectedCardId?: string): Parsed<ProgressEvent> {
  return parse((): ProgressEvent => {
    const fields = fieldsOf(value, 'Event');
    const kind = oneOf(fields, 'kind', ['review', 'undo', 'note', ...cardActionKinds] as const);
    const id = textField(fields, 'id');
    const eventCardId = cardId(textField(fields, 'cardId'));
    expectCard(eventCardId, expectedCardId);
    if (kind === 'note') return parseNote(fields, id, eventCardId);
    if (kind !== 'review' && kind !== 'undo') {
      return parseCardAction(fields, kind, id, eventCardId);
    }
    if (kind === 'undo') {
      return {
        kind,
        id,
        cardId: eventCardId,
        cancelsEventId: textField(fields, 'cancelsEventId'),
        undoneAtMillis: numberField(fields, 'undoneAtMillis', 'finite'),
      };
    }
    const pickedOptionIndex = optionalNumberField(fields, 'pickedOptionIndex', 'count');
    const desiredRetention = optionalNumberField(fields, 'desiredRetention', 'finite');
    if (desiredRetention !== undefined) checkRetention(desiredRetention, 'desiredRetention');
    return {
      kind,
      id,
      cardId: eventCardId,
      rating: oneOf<Rating>(fields, 'rating', ratings),
      reviewedAtMillis: numberField(fields, 'reviewedAtMillis', 'finite'),
      durationMillis: numberField(fields, 'durationMillis', 'non-negative'),
      source: oneOf(fields, 'source', ['study', 'quiz'] as const),
      ...(pickedOptionIndex !== undefined ? { pickedOptionIndex } : {}),
      ...(desiredRetention !== undefined ? { desiredRetention } : {}),
    };
  });
}

function parseNote(fields: Fields, id: string, owner: CardId): ProgressEvent {
  const topic = topicId(textField(fields, 'topicId'));
  if (noteOwnerId(topic) !== owner) {
    throw new Invalid(`cardId ${owner} is not the note log of topic ${topic}`);
  }
  const text = fields.text;
  if (typeof text !== 'string' || text.length > noteMaxLength) {
    throw new Invalid(`text is ${shown(text)}, not a text of at most ${noteMaxLength} characters`);
  }
  return { kind: 'note', id, cardId: owner, topicId: topic, text, atMillis: atMillisOf(fields) };
}

const atMillisOf = (fields: Fields) => numberField(fields, 'atMillis', 'finite');

function parseCardAction(
  fields: Fields,
  kind: CardActionEvent['kind'],
  id: string,
  owner: CardId,
): CardActionEvent {
  const base = { id, cardId: owner, atMillis: atMillisOf(fields) };
  switch (kind) {
    case 'bury': {
      const untilMillis = numberField(fields, 'untilMillis', 'finite');
      if (untilMillis < base.atMillis) {
        throw new Invalid(`untilMillis ${untilMillis} is before atMillis ${base.atMillis}`);
      }
      return { kind, ...base, untilMillis };
    }
    case 'flag':
      return { kind, ...base, flag: oneOf<FlagNumber | 0>(fields, 'flag', [0, ...flagNumbers]) };
    default:
      return { kind, ...base };
  }
}
