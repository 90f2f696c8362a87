import type { CardId } from '../domain/ids';

export interface CardSelection {
  readonly cardIds: ReadonlySet<CardId>;
  /** Where a Shift-click range starts: the card last clicked without Shift. */
  readonly anchor?: CardId;
}

/** A plain click, a Ctrl- or Cmd-click (`toggle`), a Shift-click (`range`). */
export type SelectGesture = 'only' | 'toggle' | 'range';

export const emptySelection: CardSelection = { cardIds: new Set() };

/**
 * The selection after a click on `clicked`, as file managers have it: a plain click selects that
 * card alone, a toggle adds or removes it, a range selects the listed cards from the anchor to it.
 */
export function selectionAfter(
  selection: CardSelection,
  clicked: CardId,
  gesture: SelectGesture,
  listed: readonly CardId[],
): CardSelection {
  if (gesture === 'toggle') {
    const cardIds = new Set(selection.cardIds);
    if (!cardIds.delete(clicked)) cardIds.add(clicked);
    return { cardIds, anchor: clicked };
  }
  if (gesture === 'range' && selection.anchor !== undefined) {
    const from = listed.indexOf(selection.anchor);
    const to = listed.indexOf(clicked);
    if (from >= 0 && to >= 0) {
      const range = listed.slice(Math.min(from, to), Math.max(from, to) + 1);
      return { cardIds: new Set(range), anchor: selection.anchor };
    }
  }
  return { cardIds: new Set([clicked]), anchor: clicked };
}

/** Only the selected cards still listed: a new search or filter must not act on hidden cards. */
export function selectionWithin(
  selection: CardSelection,
  listed: readonly CardId[],
): CardSelection {
  if (selection.cardIds.size === 0) return selection;
  const kept = listed.filter((cardId) => selection.cardIds.has(cardId));
  if (kept.length === selection.cardIds.size) return selection;
  return {
    cardIds: new Set(kept),
    ...(selection.anchor !== undefined && kept.includes(selection.anchor)
      ? { anchor: selection.anchor }
      : {}),
  };
}
