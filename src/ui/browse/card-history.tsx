import type { TimelineEntry } from '../../browse/card-timeline';
import { flagNames } from '../../domain/card-controls';
import type { CardActionEvent } from '../../domain/progress';

const ratingNames = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

const when = (atMillis: number) =>
  new Date(atMillis).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describeAction(action: CardActionEvent): string {
  switch (action.kind) {
    case 'suspend':
      return 'Suspended';
    case 'unsuspend':
      return 'Unsuspended';
    case 'bury':
      return `Buried until ${when(action.untilMillis)}`;
    case 'flag':
      return action.flag === 0 ? 'Flag cleared' : `Flagged ${flagNames[action.flag].toLowerCase()}`;
    case 'reset':
      return 'Progress reset';
    case 'known':
      return 'Marked as known';
  }
}

function describeEntry(entry: TimelineEntry): string {
  if (entry.kind === 'action') return describeAction(entry.action);
  return `${entry.source === 'quiz' ? 'Quiz answer' : 'Review'}: ${ratingNames[entry.rating]}`;
}

/** A card's reviews and actions, oldest first, as an ordered list. */
export function CardHistory({ entries }: { entries: readonly TimelineEntry[] | undefined }) {
  if (entries === undefined) return <p className="muted">Loading history…</p>;
  if (entries.length === 0) return <p className="muted">Never reviewed.</p>;
  return (
    <ol className="card-history">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.undone ? 'undone' : undefined}>
          <time dateTime={new Date(entry.atMillis).toISOString()}>{when(entry.atMillis)}</time>{' '}
          {describeEntry(entry)}
          {entry.undone && ' (undone)'}
        </li>
      ))}
    </ol>
  );
}
