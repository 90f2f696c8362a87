import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeckView } from '../../../src/ui/decks/deck-view';
import { compileOne, singleFileSource } from '../../support/deck-sources';

const source = `# Event loops

## Loops

A few words on loops.

### libuv

libuv is a C library that gives Node.js its event loop and \`uv_run\`.

<img src=x onerror="alert(1)">

Visit the following resources to learn more:

- [@official@libuv documentation](https://docs.libuv.org/)
- [@article@Sneaky](javascript:alert(1))

### libev

libev is a small event loop library written in C.

- [@opensource@libev mirror](https://github.com/enki/libev)
`;

const compileFixture = () => compileOne(singleFileSource('loops.md', source));

describe('DeckView', () => {
  it('shows each section and its topics as collapsed buttons', () => {
    render(<DeckView deck={compileFixture()} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Event loops' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Loops' })).toBeInTheDocument();
    const buttons = ['libuv', 'libev'].map((name) => screen.getByRole('button', { name }));
    for (const button of buttons) expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/gives Node\.js its event loop/)).not.toBeInTheDocument();
  });

  it('expands a topic to its description, code and typed resource links', async () => {
    const user = userEvent.setup();
    render(<DeckView deck={compileFixture()} />);
    const button = screen.getByRole('button', { name: 'libuv' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!panel) throw new Error('the topic button controls no panel');
    expect(within(panel).getByText('uv_run').tagName).toBe('CODE');
    const resources = within(panel).getByRole('list', { name: 'Resources' });
    const links = within(resources).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://docs.libuv.org/']);
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
    expect(resources).toHaveTextContent('Official');

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows raw HTML in a description as text, never as markup', async () => {
    const user = userEvent.setup();
    const { container } = render(<DeckView deck={compileFixture()} />);
    await user.click(screen.getByRole('button', { name: 'libuv' }));
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
