import { useAppStore } from '../common/app-store';

/**
 * Mastery as a labelled progress bar, the percentage also written out for sighted readers; a bar
 * without a value while it is not known yet.
 */
export function MasteryBar({ label, mastery }: { label: string; mastery: number | undefined }) {
  const percent = mastery === undefined ? undefined : Math.round(mastery * 100);
  return (
    <div className="mastery">
      <span className="mastery-label" aria-hidden="true">
        Mastery
      </span>
      {percent === undefined ? (
        <progress aria-label={label} max={100} />
      ) : (
        <progress aria-label={label} max={100} value={percent} />
      )}
      <span className="mastery-value">{percent === undefined ? '…' : `${percent}%`}</span>
    </div>
  );
}

/** The one line each page with mastery bars gives, so that 100% is not read as "seen once". */
export function MasteryExplanation() {
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  return (
    <p className="hint mastery-explanation">
      Mastery: how much of this will still be remembered in {horizonDays} days.
    </p>
  );
}
