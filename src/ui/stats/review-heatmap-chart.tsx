import { useId } from 'react';
import { heatmapMonthRows, type ReviewHeatmap } from '../../stats/review-heatmap';
import { plural } from '../shared/plural';

const cellSize = 11;
const gap = 2;
const weekdayLabels = ['Sun', '', 'Tue', '', 'Thu', '', 'Sat'];

/** Reviews per day over the last year, one square a day, darker for busier days. */
export function ReviewHeatmapChart({ heatmap }: { heatmap: ReviewHeatmap }) {
  const titleId = useId();
  const left = 28;
  const width = left + heatmap.columns * (cellSize + gap);
  const height = 7 * (cellSize + gap);
  const activeDays = heatmap.cells.filter((cell) => cell.count > 0).length;
  const summary = `${plural(heatmap.totalCount, 'review')} on ${plural(activeDays, 'day')} of the last ${heatmap.cells.length}; the busiest day had ${heatmap.maxCount}.`;
  return (
    <figure className="chart">
      <div className="chart-scroll">
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="heatmap"
        >
          <title id={titleId}>{summary}</title>
          {weekdayLabels.map((label, row) =>
            label ? (
              <text key={label} x={0} y={row * (cellSize + gap) + cellSize - 1} className="axis">
                {label}
              </text>
            ) : null,
          )}
          {heatmap.cells.map((cell) => (
            <rect
              key={cell.dayKey}
              x={left + cell.column * (cellSize + gap)}
              y={cell.row * (cellSize + gap)}
              width={cellSize}
              height={cellSize}
              rx={2}
              className={`heat-${cell.level}`}
            >
              <title>{`${cell.dayKey}: ${plural(cell.count, 'review')}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Reviews per month as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Reviews</th>
              <th scope="col">Days with reviews</th>
            </tr>
          </thead>
          <tbody>
            {heatmapMonthRows(heatmap).map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td>{row.reviews}</td>
                <td>
                  {row.activeDays} of {row.days}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
