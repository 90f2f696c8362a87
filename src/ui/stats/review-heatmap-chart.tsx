import { useId } from 'react';
import {
  heatmapMonthLabels,
  heatmapMonthRows,
  type ReviewHeatmap,
} from '../../stats/review-heatmap';
import { plural } from '../common/plural';
import { ChartScroller } from './chart-scroller';

const cellSize = 12;
const gap = 2;
/** Room above the squares for the month labels, and after them for the last one. */
const top = 16;
const right = 16;
const weekdayLabels = ['Sun', '', 'Tue', '', 'Thu', '', 'Sat'];
/** Columns a month label (12 px text, "May") needs before the next one. */
const monthLabelColumns = 3;

const monthNames = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * `2026-05` as `May`: the calendar's month labels, in the app's English. Not the browser's date
 * formatter, whose first use loads locale data: 17 ms of the statistics page's longest task.
 */
function monthName(month: string): string {
  return monthNames[Number(month.slice(5, 7)) - 1] ?? month;
}

/** Reviews per day over the last year, one square a day, darker for busier days. */
export function ReviewHeatmapChart({ heatmap }: { heatmap: ReviewHeatmap }) {
  const titleId = useId();
  const left = 32;
  const width = left + heatmap.columns * (cellSize + gap) + right;
  const height = top + 7 * (cellSize + gap);
  const activeDays = heatmap.cells.filter((cell) => cell.count > 0).length;
  const summary = `${plural(heatmap.totalCount, 'review')} on ${plural(activeDays, 'day')} of the last ${heatmap.cells.length}; the busiest day had ${heatmap.maxCount}.`;
  return (
    <figure className="chart">
      <ChartScroller label="Review calendar" startAtEnd>
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="heatmap"
        >
          <title id={titleId}>{summary}</title>
          {heatmapMonthLabels(heatmap, monthLabelColumns).map(({ month, column }) => (
            <text key={month} x={left + column * (cellSize + gap)} y={top - 4} className="axis">
              {monthName(month)}
            </text>
          ))}
          {weekdayLabels.map((label, row) =>
            label ? (
              <text
                key={label}
                x={0}
                y={top + row * (cellSize + gap) + cellSize - 1}
                className="axis"
              >
                {label}
              </text>
            ) : null,
          )}
          {heatmap.cells.map((cell) => (
            <rect
              key={cell.dayKey}
              x={left + cell.column * (cellSize + gap)}
              y={top + cell.row * (cellSize + gap)}
              width={cellSize}
              height={cellSize}
              rx={2}
              className={`heat-${cell.level}`}
            >
              <title>{`${cell.dayKey}: ${plural(cell.count, 'review')}`}</title>
            </rect>
          ))}
        </svg>
      </ChartScroller>
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
