import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AnswerGist } from '../../../src/ui/study/answer-gist';

const description = `Greenlets are coroutines that the library switches between whenever one of them would block on the network.

They share one thread, so no two of them ever run at the same moment.

- cheap to start
- scheduled cooperatively`;

describe("a term card's answer", () => {
  it('shows the gist and keeps the rest behind a More button', () => {
    render(<AnswerGist description={description} />);
    expect(
      screen.getByText(
        'Greenlets are coroutines that the library switches between whenever one of them would block on the network.',
      ),
    ).toBeTruthy();
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/They share one thread/)).toBeNull();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('opens and closes the rest from the keyboard', async () => {
    const user = userEvent.setup();
    render(<AnswerGist description={description} />);
    await user.tab();
    const more = screen.getByRole('button', { name: 'More' });
    expect(document.activeElement).toBe(more);

    await user.keyboard('{Enter}');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/They share one thread/)).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'cheap to start',
      'scheduled cooperatively',
    ]);
    const panel = document.getElementById(more.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(false);

    await user.keyboard(' ');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/They share one thread/)).toBeNull();
  });

  it('offers no More when the gist is the whole description', () => {
    render(<AnswerGist description="A cache keeps answers close to where they are asked for." />);
    expect(
      screen.getByText('A cache keeps answers close to where they are asked for.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });
});
