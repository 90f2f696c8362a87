import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatePagePart } from '../../src/storage/startup-read';
import { statePageOf } from '../../src/storage/state-page';
import { unpackInSlices } from '../../src/storage/state-page-reads';
import { packStatePage } from '../../src/storage/state-page-set';
import { statePageKey } from '../../src/storage/store-keys';
import { reviewState } from '../support/card-states';

/** A part holding one page with this card's state, as start-up's read hands it over. */
function partWith(id: string): StatePagePart {
  const state = reviewState(id);
  return () => [{ key: statePageKey(statePageOf(id)), value: packStatePage([state]) }];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unpacking the card state pages start-up read', () => {
  it('reads a part only in a task after the slice that read the part before it', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const first = partWith('deck/a:recall');
    // Reading a part is where the browser turns its stored values into objects: it takes time.
    const slowFirst = vi.fn(() => {
      clock += 40;
      return first();
    });
    const second = vi.fn(partWith('deck/b:recall'));

    const unpacking = unpackInSlices([slowFirst, second]);
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(slowFirst).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();

    const { states, damagedPages } = await unpacking;
    expect(second).toHaveBeenCalledTimes(1);
    expect([...states.keys()].sort()).toEqual(['deck/a:recall', 'deck/b:recall']);
    expect(damagedPages).toEqual([]);
  });

  it('lists a page that fails validation as damaged, and keeps the sound ones', async () => {
    const broken: StatePagePart = () => [{ key: statePageKey(7), value: { not: 'a page' } }];
    const { states, damagedPages } = await unpackInSlices([broken, partWith('deck/c:recall')]);
    expect(damagedPages).toEqual([7]);
    expect([...states.keys()]).toEqual(['deck/c:recall']);
  });
});
