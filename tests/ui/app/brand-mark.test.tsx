import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BrandMark } from '../../../src/ui/app/brand-mark';

/** Each shape of a drawing: its tag and attributes, in order. */
function shapesOf(svg: Element) {
  return [...svg.children].map((shape) => ({
    tag: shape.tagName.toLowerCase(),
    attributes: Object.fromEntries([...shape.attributes].map(({ name, value }) => [name, value])),
  }));
}

describe('BrandMark', () => {
  it('draws what public/favicon.svg draws, from which the app icons are rendered', () => {
    const favicon = new DOMParser().parseFromString(
      readFileSync('public/favicon.svg', 'utf8'),
      'image/svg+xml',
    ).documentElement;
    const { container } = render(<BrandMark />);
    const mark = container.querySelector('svg');
    if (!mark) throw new Error('BrandMark drew no svg');
    expect(mark.getAttribute('viewBox')).toBe(favicon.getAttribute('viewBox'));
    expect(shapesOf(mark)).toEqual(shapesOf(favicon));
  });

  it('adds nothing to the name of the link it sits in', () => {
    render(
      <a href="/">
        <BrandMark />
        Recallmap
      </a>,
    );
    expect(screen.getByRole('link', { name: 'Recallmap' })).toBeDefined();
  });
});
