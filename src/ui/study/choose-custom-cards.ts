import type { CardControls } from '../../domain/card-controls';
import type { CardId } from '../../domain/ids';
import type { ProgressEvent } from '../../domain/progress';
import type { CustomStudy } from '../../scheduler/custom-study';
import { flaggedCards } from '../../scheduler/flagged-cards';
import { forgottenTodayCards } from '../../scheduler/forgotten-today-cards';
import { missedCards } from '../../scheduler/missed-cards';
import { reviewAheadCards } from '../../scheduler/review-ahead-cards';
import type { CustomQueue, QueueInputs } from '../../scheduler/study-session';

/** What of stored progress the choice reads beyond the queue's inputs. */
interface ProgressReads {
  readonly eventsForCards: (cardIds: readonly CardId[]) => Promise<ProgressEvent[]>;
  readonly controls: ReadonlyMap<CardId, CardControls>;
}

/** The cards custom study picks, as stored progress stands; the log is read only here. */
export async function chooseCustomCards(
  study: CustomStudy,
  { eventsForCards, controls }: ProgressReads,
  { decks, states, settings, nowMillis }: QueueInputs,
): Promise<CustomQueue> {
  const studyCardIds = decks.flat();
  const { dayStartHour } = settings;
  switch (study.kind) {
    case 'review-ahead':
      return {
        cardIds: reviewAheadCards(studyCardIds, states, study.days, dayStartHour, nowMillis),
        practice: false,
      };
    case 'forgotten-today': {
      const events = await eventsForCards(studyCardIds);
      return {
        cardIds: forgottenTodayCards(studyCardIds, events, dayStartHour, nowMillis),
        practice: false,
      };
    }
    case 'practise-missed': {
      const events = await eventsForCards(studyCardIds);
      return { cardIds: missedCards(studyCardIds, events, study.days, nowMillis), practice: true };
    }
    case 'practise-flagged':
      return { cardIds: flaggedCards(studyCardIds, controls), practice: true };
  }
}
