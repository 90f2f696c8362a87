import { type CardId, cardId } from '../domain/ids';
import type { ReviewEvent } from '../domain/progress';
import { Invalid, parse } from '../domain/validation/parsed';
import { parseProgressEvent } from '../domain/validation/progress-event';
import {
  fieldsOf,
  numberField,
  optionalNumberField,
  textField,
} from '../domain/validation/record-fields';
import { startOfStudyDayMillis } from './day-boundary';
import {
  advance,
  type CustomQueue,
  type QueueInputs,
  queueWithout,
  type SessionTally,
  type StudySession,
  showCard,
  startStudySession,
} from './study-session';

// A saved session on its way back. It was written by this app, yet it may be from another
// version or edited by hand, and progress may have moved on in another tab: it is checked field
// by field, and against the decks and card states as they are. Loaded only after a reload.

/** What a session is resumed from, its cards to be checked against the decks. */
interface SessionToResume {
  readonly tally: SessionTally;
  readonly undoable: readonly ReviewEvent[];
  readonly custom: CustomQueue | undefined;
  /** The card that was on screen, and when it and its answer showed. */
  readonly card: {
    readonly cardId: CardId;
    readonly shownAtMillis: number;
    readonly revealedAtMillis: number | undefined;
  };
}

function parseSaved(value: unknown, nowMillis: number, dayStartHour: number) {
  return parse((): SessionToResume => {
    const fields = fieldsOf(value, 'Saved session');
    if (fields.version !== 1) throw new Invalid('version is not 1');
    const savedAtMillis = numberField(fields, 'savedAtMillis', 'finite');
    if (
      savedAtMillis > nowMillis ||
      startOfStudyDayMillis(savedAtMillis, dayStartHour) !==
        startOfStudyDayMillis(nowMillis, dayStartHour)
    ) {
      throw new Invalid('it was saved on another study day');
    }
    const tallyFields = fieldsOf(fields.tally, 'tally');
    const studied = numberField(tallyFields, 'studied', 'count');
    const again = numberField(tallyFields, 'again', 'count');
    const startedAtMillis = numberField(tallyFields, 'startedAtMillis', 'finite');
    if (again > studied || startedAtMillis > savedAtMillis) throw new Invalid('tally is not one');
    if (!Array.isArray(fields.undoable) || fields.undoable.length > studied) {
      throw new Invalid('undoable is not a list of this session reviews');
    }
    const undoable = fields.undoable.map((item): ReviewEvent => {
      const parsed = parseProgressEvent(item);
      if (!parsed.ok) throw new Invalid(parsed.reason);
      if (parsed.value.kind !== 'review') throw new Invalid('undoable holds an undo');
      return parsed.value;
    });
    const cardFields = fieldsOf(fields.card, 'card');
    const card = {
      cardId: cardId(textField(cardFields, 'cardId')),
      shownAtMillis: numberField(cardFields, 'shownAtMillis', 'finite'),
      revealedAtMillis: optionalNumberField(cardFields, 'revealedAtMillis', 'finite'),
    };
    return {
      tally: { studied, again, startedAtMillis },
      undoable,
      card,
      custom: fields.custom === undefined ? undefined : parseCustom(fields.custom),
    };
  });
}

function parseCustom(value: unknown): CustomQueue {
  const fields = fieldsOf(value, 'custom');
  const { cardIds, practice } = fields;
  if (!Array.isArray(cardIds) || !cardIds.every((id) => typeof id === 'string')) {
    throw new Invalid('custom cardIds is not a list of card ids');
  }
  if (typeof practice !== 'boolean') throw new Invalid('custom practice is not true or false');
  return { cardIds: cardIds.map(cardId), practice };
}

/**
 * The session `value` saved, resumed over the decks and card states of `inputs`; undefined when
 * it is malformed or from an earlier study day. Cards no deck of the session holds any more are
 * left out, and Z undoes only reviews that are still their card's latest answer (not undone or
 * answered again in another tab since).
 */
export function resumeSavedSession(value: unknown, inputs: QueueInputs): StudySession | undefined {
  const parsed = parseSaved(value, inputs.nowMillis, inputs.settings.dayStartHour);
  if (!parsed.ok) return undefined;
  const saved = parsed.value;
  const held = new Set(inputs.decks.flat());
  const undoable = saved.undoable.filter(
    (review) =>
      held.has(review.cardId) &&
      inputs.states.get(review.cardId)?.lastReviewAtMillis === review.reviewedAtMillis,
  );
  const custom = saved.custom && {
    ...saved.custom,
    cardIds: saved.custom.cardIds.filter((id) => held.has(id)),
  };
  return resumeSession({ ...saved, undoable, custom }, inputs);
}

/**
 * The session where it was: its tally, its undo, and the card it showed while that card is still
 * in the queue. A card answered meanwhile (in another tab) gives way to the next one.
 */
function resumeSession(saved: SessionToResume, inputs: QueueInputs): StudySession {
  const { tally, undoable, custom, card } = saved;
  const session = { ...startStudySession(tally.startedAtMillis), tally, undoable, custom };
  if (!queueWithout(session, inputs, undefined).includes(card.cardId)) {
    return advance(session, inputs);
  }
  const shown = showCard(session, card.cardId, inputs);
  if (shown.step.kind !== 'card') return shown;
  return {
    ...shown,
    step: { ...shown.step, revealedAtMillis: card.revealedAtMillis },
    shownAtMillis: card.shownAtMillis,
  };
}
