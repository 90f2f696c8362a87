import { useId } from 'react';
import { type DueForecast, forecastRows } from '../../stats/due-forecast';
import { plural } from '../common/plural';
import { ChartScroller } from './chart-scroller';

const barWidth = 14;
const gap = 4;
const chartHeight = 100;

/** Cards coming due on each of the next 30 days, as bars. */
export function DueForecastChart({ forecast }: { forecast: DueForecast }) {
  const titleId = useId();
  const max = Math.max(1, ...forecast.days.map((day) => day.count));
  const total = forecast.days.reduce((sum, day) => sum + day.count, 0);
  const width = forecast.days.length * (barWidth + gap);
  const rows = forecastRows(forecast);
  const summary = `${plural(total, 'card')} due in the next ${forecast.days.length} days, ${forecast.days[0]?.count ?? 0} of them today.`;
  return (
    <figure className="chart">
      <ChartScroller label="Due forecast">
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${chartHeight + 18}`}
          width={width}
          height={chartHeight + 18}
          className="forecast"
        >
          <title id={titleId}>{summary}</title>
          {forecast.days.map((day) => {
            const barHeight = Math.round((day.count / max) * chartHeight);
            return (
              <g key={day.dayKey}>
                <rect
                  x={day.dayOffset * (barWidth + gap)}
                  y={chartHeight - barHeight}
                  width={barWidth}
                  height={Math.max(barHeight, day.count > 0 ? 2 : 0)}
                  rx={2}
                  className="bar"
                >
                  <title>{`${day.dayKey}: ${plural(day.count, 'card')}`}</title>
                </rect>
                {day.dayOffset % 7 === 0 && (
                  <text x={day.dayOffset * (barWidth + gap)} y={chartHeight + 15} className="axis">
                    {day.dayOffset === 0 ? 'today' : `+${day.dayOffset}d`}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </ChartScroller>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Due cards per day as a table</summary>
        {rows.length === 0 ? (
          <p>Nothing is due in the next {forecast.days.length} days.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Cards due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
