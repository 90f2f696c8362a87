import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * A chart wider than a phone's screen scrolls sideways inside this box rather than shrinking its
 * text. The box takes focus, so that a keyboard can scroll it too, and has a name that says what
 * it holds. `startAtEnd` opens it scrolled to its right edge, where a calendar has today.
 */
export function ChartScroller({
  label,
  startAtEnd = false,
  children,
}: {
  label: string;
  startAtEnd?: boolean;
  children: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Once, when the chart first shows: later renders keep where the learner scrolled to. In the
  // next frame before it paints, not in the commit: reading the width lays the page out, 30 ms of
  // the statistics page's longest task at 100,000 cards, which the frame does anyway.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount
  useLayoutEffect(() => {
    if (!startAtEnd) return;
    const frame = requestAnimationFrame(() => {
      const element = scroller.current;
      if (element) element.scrollLeft = element.scrollWidth;
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to be scrolled by keys
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a chart
    <div ref={scroller} className="chart-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
