import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { ChunkComponent, componentChunk } from '../../../src/ui/common/component-chunk';

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

/** A chunk whose code arrives only when the test lets it. */
function heldChunk() {
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const chunk = componentChunk(async () => {
    await arrived;
    return { default: Greeting };
  });
  return { chunk, arrive };
}

function Shown({ chunk }: { chunk: ReturnType<typeof heldChunk>['chunk'] }) {
  return (
    <Suspense fallback={<p>Loading…</p>}>
      <ChunkComponent chunk={chunk} props={{ name: 'Ada' }} />
    </Suspense>
  );
}

describe('ChunkComponent', () => {
  it('shows the fallback until the chunk is in, then the component with its props', async () => {
    const { chunk, arrive } = heldChunk();
    render(<Shown chunk={chunk} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    arrive();
    expect(await screen.findByText('Hello, Ada')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('renders at once, with no fallback, once the chunk has been preloaded', async () => {
    const { chunk, arrive } = heldChunk();
    const preloaded = chunk.preload();
    arrive();
    await preloaded;
    render(<Shown chunk={chunk} />);
    expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
