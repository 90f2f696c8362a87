import type { DeckCounts as Counts } from '../../scheduler/deck-counts';

export function DeckCounts({ counts }: { counts: Counts }) {
  return (
    <ul className="counts">
      <li className="count-new">New: {counts.new}</li>
      <li className="count-learning">Learning: {counts.learning}</li>
      <li className="count-due">Due: {counts.due}</li>
    </ul>
  );
}
