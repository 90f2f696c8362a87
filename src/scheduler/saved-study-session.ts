import type { CardId } from '../domain/ids';
import type { ReviewEvent } from '../domain/progress';
import type { CustomQueue, SessionTally, StudySession } from './study-session';

// A session's plain data, kept so that a reload resumes it (`resume-saved-session.ts` checks it
// on the way back).

/** The saved form of a session: JSON as it is. */
export interface SavedStudySession {
  readonly version: 1;
  readonly savedAtMillis: number;
  readonly tally: SessionTally;
  /** This session's reviews that Z may take back, oldest first. */
  readonly undoable: readonly ReviewEvent[];
  readonly card: {
    readonly cardId: CardId;
    readonly shownAtMillis: number;
    readonly revealedAtMillis?: number;
  };
  readonly custom?: CustomQueue;
}

/** What to save of `session`; undefined unless a card is on screen, the only place to resume. */
export function savedStudySession(
  session: StudySession,
  savedAtMillis: number,
): SavedStudySession | undefined {
  const { step, tally, undoable, custom, shownAtMillis } = session;
  if (step.kind !== 'card') return undefined;
  const { cardId, revealedAtMillis } = step;
  return {
    version: 1,
    savedAtMillis,
    tally,
    undoable,
    card: {
      cardId,
      shownAtMillis,
      ...(revealedAtMillis !== undefined ? { revealedAtMillis } : {}),
    },
    ...(custom ? { custom } : {}),
  };
}
