import { describe, expect, it } from 'vitest';
import {
  type CardSelection,
  emptySelection,
  selectionAfter,
  selectionWithin,
} from '../../src/browse/card-selection';
import { cardId } from '../../src/domain/ids';
import { ids } from '../scheduler/card-states';

const listed = ids('a', 'b', 'c', 'd', 'e');
const selected = (selection: CardSelection) => [...selection.cardIds].sort();

describe('selectionAfter', () => {
  it('selects the clicked card alone on a plain click', () => {
    const first = selectionAfter(emptySelection, cardId('b'), 'only', listed);
    const second = selectionAfter(first, cardId('d'), 'only', listed);
    expect(selected(second)).toEqual(['d']);
  });

  it('adds and removes cards with Ctrl-click', () => {
    let selection = selectionAfter(emptySelection, cardId('a'), 'only', listed);
    selection = selectionAfter(selection, cardId('c'), 'toggle', listed);
    expect(selected(selection)).toEqual(['a', 'c']);
    selection = selectionAfter(selection, cardId('a'), 'toggle', listed);
    expect(selected(selection)).toEqual(['c']);
  });

  it('selects the listed range from the anchor with Shift-click, either way', () => {
    const anchored = selectionAfter(emptySelection, cardId('d'), 'only', listed);
    expect(selected(selectionAfter(anchored, cardId('b'), 'range', listed))).toEqual([
      'b',
      'c',
      'd',
    ]);
    const extended = selectionAfter(anchored, cardId('e'), 'range', listed);
    expect(selected(extended)).toEqual(['d', 'e']);
  });

  it('selects the card alone when Shift-click has no anchor', () => {
    expect(selected(selectionAfter(emptySelection, cardId('c'), 'range', listed))).toEqual(['c']);
  });
});

describe('selectionWithin', () => {
  it('drops selected cards a new search no longer lists', () => {
    let selection = selectionAfter(emptySelection, cardId('a'), 'only', listed);
    selection = selectionAfter(selection, cardId('e'), 'toggle', listed);
    expect(selected(selectionWithin(selection, ids('b', 'e')))).toEqual(['e']);
  });
});
