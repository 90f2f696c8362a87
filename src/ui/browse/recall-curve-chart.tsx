import { useId } from 'react';
import type { RecallPoint } from '../../scheduler/recall-curve';

const width = 300;
const height = 100;

const percent = (recall: number) => `${Math.round(recall * 100)}%`;

/** A card's predicted recall over the coming days, as a line, with the figures as text. */
export function RecallCurveChart({ points }: { points: readonly RecallPoint[] }) {
  const titleId = useId();
  const last = points[points.length - 1];
  if (!last) return <p className="muted">No recall to predict: this card was never reviewed.</p>;
  const tomorrow = points[1] ?? last;
  const summary = `Predicted recall without another review: ${percent(points[0]?.recall ?? 0)} now, ${percent(tomorrow.recall)} tomorrow, ${percent(last.recall)} in ${last.dayOffset} days.`;
  const x = (dayOffset: number) => (dayOffset / last.dayOffset) * width;
  const y = (recall: number) => (1 - recall) * height;
  const line = points
    .map((point) => `${x(point.dayOffset).toFixed(1)},${y(point.recall).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="recall-curve">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`-2 -2 ${width + 4} ${height + 20}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{summary}</title>
        <line x1={0} y1={y(0.9)} x2={width} y2={y(0.9)} className="recall-curve-target" />
        <polyline points={line} className="recall-curve-line" />
        <text x={0} y={height + 16} className="axis">
          today
        </text>
        <text x={width} y={height + 16} className="axis" textAnchor="end">
          +{last.dayOffset}d
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
