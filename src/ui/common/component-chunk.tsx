import { type ComponentType, lazy, useMemo } from 'react';

/** The props of a component that takes none, such as a page. */
export type NoProps = Record<string, never>;

/** A component in a chunk of its own, which can be fetched before it is first rendered. */
export interface ComponentChunk<Props extends object> {
  readonly preload: () => Promise<unknown>;
  /** The component once its chunk is in. */
  readonly loaded: () => ComponentType<Props> | undefined;
  /** The component as React.lazy renders it: suspending until its chunk is in. */
  readonly Suspending: ComponentType<Props>;
}

export function componentChunk<Props extends object = NoProps>(
  load: () => Promise<{ default: ComponentType<Props> }>,
): ComponentChunk<Props> {
  let component: ComponentType<Props> | undefined;
  const preload = () =>
    load().then((module) => {
      component = module.default;
      return module;
    });
  return { preload, loaded: () => component, Suspending: lazy(preload) };
}

/**
 * Renders a component whose chunk is in at once, and suspends for one that is not. React.lazy
 * alone suspends once even for a chunk already in, and React keeps a Suspense fallback on screen
 * for at least 300 ms.
 */
export function ChunkComponent<Props extends object>({
  chunk,
  props,
}: {
  chunk: ComponentChunk<Props>;
  props: Props;
}) {
  // Decided once per mount: switching from the suspending form would mount the component again.
  const Ready = useMemo(() => chunk.loaded(), [chunk]);
  const Component = Ready ?? chunk.Suspending;
  return <Component {...props} />;
}
