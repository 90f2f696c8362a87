import { useEffect, useRef } from 'react';

/**
 * A ref whose element scrolls into view, by as little as will do, whenever `key` takes a new
 * value other than undefined: a screen that changes below the fold brings its change into sight.
 */
export function useScrollIntoViewOn<Element extends HTMLElement>(key: string | undefined) {
  const ref = useRef<Element>(null);
  useEffect(() => {
    if (key !== undefined) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [key]);
  return ref;
}
