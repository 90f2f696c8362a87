import { type CardId, cardId } from '../ids';
import { type ProgressEvent, type Rating, ratings } from '../progress';
import { Invalid, type Parsed, parse } from './parsed';
import { fieldsOf, numberField, oneOf, optionalNumberField, textField } from './record-fields';

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
    const kind = oneOf(fields, 'kind', ['review', 'undo'] as const);
    const id = textField(fields, 'id');
    const eventCardId = cardId(textField(fields, 'cardId'));
    expectCard(eventCardId, expectedCardId);
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
    return {
      kind,
      id,
      cardId: eventCardId,
      rating: oneOf<Rating>(fields, 'rating', ratings),
      reviewedAtMillis: numberField(fields, 'reviewedAtMillis', 'finite'),
      durationMillis: numberField(fields, 'durationMillis', 'non-negative'),
      source: oneOf(fields, 'source', ['study', 'quiz'] as const),
      ...(pickedOptionIndex !== undefined ? { pickedOptionIndex } : {}),
    };
  });
}
