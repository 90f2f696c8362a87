import '../common/session-controls.css';
import './rating-buttons.css';
import { useMemo } from 'react';
import type { CardId } from '../../domain/ids';
import { type Rating, ratings } from '../../domain/progress';
import { formatInterval } from '../../scheduler/format-interval';
import { keptHeadState } from '../../scheduler/kept-study-head';
import { useAppStore } from '../common/app-store';
import { useScheduler } from './use-scheduler';

const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/**
 * Each rating with the interval it would give, as of the moment the answer was shown; in practice,
 * which schedules nothing, the ratings alone.
 */
export function RatingButtons({
  practice,
  cardId,
  revealedAtMillis,
  desiredRetention,
  busy,
  onRate,
}: {
  practice: boolean;
  cardId: CardId;
  revealedAtMillis: number;
  /** The card's deck's own retention, when it sets one. */
  desiredRetention: number | undefined;
  busy: boolean;
  onRate: (rating: Rating) => void;
}) {
  // A card shown from the head kept for this start has its state there until the states are in.
  const state = useAppStore((progress) =>
    progress.ready
      ? progress.states.get(cardId)
      : keptHeadState(progress.recordedDeckCounts, cardId),
  );
  const scheduler = useScheduler();
  const preview = useMemo(
    () => scheduler.preview(state, cardId, revealedAtMillis, desiredRetention),
    [scheduler, state, cardId, revealedAtMillis, desiredRetention],
  );
  return (
    <fieldset className="ratings answer-bar">
      <legend className="visually-hidden">How well did you recall it?</legend>
      {ratings.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`button rating rating-${rating}`}
          disabled={busy}
          onClick={() => onRate(rating)}
        >
          {ratingNames[rating]}
          {!practice && (
            <span className="interval">{formatInterval(preview[rating].intervalMillis)}</span>
          )}
          <span className="key" aria-hidden="true">
            {rating}
          </span>
        </button>
      ))}
    </fieldset>
  );
}
