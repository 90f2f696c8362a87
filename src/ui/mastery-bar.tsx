/** Mastery as a labelled progress bar, the percentage also written out for sighted readers. */
export function MasteryBar({ label, recall }: { label: string; recall: number }) {
  const percent = Math.round(recall * 100);
  return (
    <div className="mastery">
      <span className="mastery-label" aria-hidden="true">
        Mastery
      </span>
      <progress aria-label={label} max={100} value={percent} />
      <span className="mastery-value">{percent}%</span>
    </div>
  );
}
