import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reviewsPerDay } from '../../../src/stats/review-heatmap';
import { ReviewHeatmapChart } from '../../../src/ui/stats/review-heatmap-chart';

describe('the review calendar', () => {
  it('labels the months of the last year in English, ending with this one', () => {
    const heatmap = reviewsPerDay(new Map([['2026-05-04', 3]]), '2026-12-03');
    const { container } = render(<ReviewHeatmapChart heatmap={heatmap} />);

    const weekdays = ['Sun', 'Tue', 'Thu', 'Sat'];
    const months = [...container.querySelectorAll('text')]
      .map((text) => text.textContent)
      .filter((label) => !weekdays.includes(label ?? ''));
    expect(months).toEqual(
      'Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ').slice(-months.length),
    );
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(screen.getByRole('img')).toHaveAccessibleName(/^3 reviews on 1 day of the last 365/);
  });
});
