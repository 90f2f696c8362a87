import { useEffect, useRef } from 'react';

/**
 * Maps `KeyboardEvent.key` values (letters lower-case) to actions, `Control+` before a key held
 * with Ctrl; absent keys do nothing.
 */
export type ShortcutMap = Readonly<Partial<Record<string, () => void>>>;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file'].includes(target.type);
}

function normalisedKey(event: KeyboardEvent): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return event.ctrlKey ? `Control+${key}` : key;
}

/**
 * Page-wide keys that act once per press wherever focus is, except in a text field. A handled
 * Space is swallowed on both keydown and keyup, because a focused button is pressed on keyup and
 * would otherwise act a second time.
 */
export function useShortcuts(shortcuts: ShortcutMap) {
  const current = useRef(shortcuts);
  current.current = shortcuts;

  useEffect(() => {
    let swallowSpaceUp = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.metaKey || event.altKey) return;
      if (isTextField(event.target)) return;
      const action = current.current[normalisedKey(event)];
      if (!action) return;
      event.preventDefault();
      if (event.key === ' ') swallowSpaceUp = true;
      action();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && swallowSpaceUp) {
        swallowSpaceUp = false;
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
