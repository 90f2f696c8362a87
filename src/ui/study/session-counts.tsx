import type { QueueCounts } from '../../scheduler/queue-counts';

/** What is left of the session as Anki's three numbers: new, (re)learning and review cards. */
export function SessionCounts({ counts }: { counts: QueueCounts }) {
  return (
    <ul className="counts session-counts" aria-label="Cards left">
      <li className="count-new">New: {counts.new}</li>
      <li className="count-learning">Learning: {counts.learning}</li>
      <li className="count-due">Review: {counts.review}</li>
    </ul>
  );
}
