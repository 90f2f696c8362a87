import type { TimelineEntry } from '../../browse/card-timeline';

const ratingNames = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

const when = (atMillis: number) =>
  new Date(atMillis).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A card's reviews and actions, oldest first, as an ordered list. */
export function CardHistory({ entries }: { entries: readonly TimelineEntry[] | undefined }) {
  if (entries === undefined) return <p className="muted">Loading history…</p>;
  if (entries.length === 0) return <p className="muted">Never reviewed.</p>;
  return (
    <ol className="card-history">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.undone ? 'undone' : undefined}>
          <time dateTime={new Date(entry.atMillis).toISOString()}>{when(entry.atMillis)}</time>{' '}
          {entry.source === 'quiz' ? 'Quiz answer' : 'Review'}: {ratingNames[entry.rating]}
          {entry.undone && ' (undone)'}
        </li>
      ))}
    </ol>
  );
}
