import { describe, expect, it } from 'vitest';
import { statePageCount, statePageOf, unpackStatePage } from '../../src/storage/state-page';
import { packStatePage, StatePageSet } from '../../src/storage/state-page-set';
import { reviewState } from '../support/card-states';

/** Card ids that all hash to one page, so they can share it. */
function idsOnOnePage(count: number): { pageIndex: number; ids: string[] } {
  const byPage = new Map<number, string[]>();
  for (let index = 0; ; index++) {
    const id = `deck/topic-${index}:term`;
    const page = statePageOf(id);
    const ids = [...(byPage.get(page) ?? []), id];
    byPage.set(page, ids);
    if (ids.length === count) return { pageIndex: page, ids };
  }
}

describe('state pages', () => {
  it('spreads card ids over every page, the same way on every run', () => {
    const pages = new Set(
      Array.from({ length: 20_000 }, (_, index) => statePageOf(`d/t${index}:recall`)),
    );
    expect(pages.size).toBe(statePageCount);
    // Fixed forever: a changed hash would look for states on the wrong pages. FNV-1a of "" is
    // 0x811c9dc5 and of "a" is 0xe40c292c, the published test vectors.
    expect([statePageOf(''), statePageOf('a')]).toEqual([0x1c5, 0x12c]);
  });

  it('packs and unpacks states without loss, optional fields included', () => {
    const { pageIndex, ids } = idsOnOnePage(3);
    const {
      lastReviewAtMillis: _last,
      lastDueReviewAtMillis: _lastDue,
      ...neverDue
    } = reviewState(ids[2] ?? '', { phase: 'relearning' });
    const states = [
      reviewState(ids[0] ?? ''),
      reviewState(ids[1] ?? '', { phase: 'learning', learningSteps: 1 }),
      neverDue,
    ];
    const unpacked = unpackStatePage(structuredClone(packStatePage(states)), pageIndex);
    expect(unpacked).toEqual({ ok: true, value: { states, broken: [] } });
  });

  it('lists a damaged state or a card on the wrong page as broken, and keeps the rest', () => {
    const { pageIndex, ids } = idsOnOnePage(2);
    const stranger = 'elsewhere:term';
    expect(statePageOf(stranger)).not.toBe(pageIndex);
    const page = packStatePage([
      reviewState(ids[0] ?? ''),
      reviewState(ids[1] ?? '', { reps: 2.5 }),
      reviewState(stranger),
    ]);
    const unpacked = unpackStatePage(page, pageIndex);
    if (!unpacked.ok) throw new Error(unpacked.reason);
    expect(unpacked.value.states.map((state) => state.cardId)).toEqual([ids[0]]);
    expect(unpacked.value.broken.map(({ cardId: id, reason }) => [id, reason])).toEqual([
      [ids[1], 'reps is 2.5, not a whole number ≥ 0'],
      [stranger, `card ${stranger} belongs on another page`],
    ]);
  });

  it('refuses a page whose shape is wrong', () => {
    const good = packStatePage([reviewState('a:term')]);
    const page = statePageOf('a:term');
    expect(unpackStatePage(null, page)).toMatchObject({ ok: false });
    expect(unpackStatePage({ cardIds: ['a:term'], numbers: [1, 2] }, page)).toMatchObject({
      ok: false,
      reason: 'State page lacks its card ids or its numbers',
    });
    expect(unpackStatePage({ ...good, numbers: good.numbers.subarray(1) }, page)).toMatchObject({
      ok: false,
      reason: 'State page holds 11 numbers for 1 cards',
    });
    expect(unpackStatePage({ ...good, cardIds: [7] }, page)).toMatchObject({ ok: false });
  });

  it('writes back only the pages a transaction changed, and drops emptied ones', () => {
    const set = new StatePageSet();
    const a = reviewState('a:term');
    const b = reviewState('b:term');
    set.add([a]);
    set.add([b]);
    expect(set.packChanged()).toEqual([]);

    set.set(a.cardId, { ...a, reps: 5 });
    set.set(b.cardId, undefined);
    const written = set.packChanged();
    expect(written).toEqual([
      { pageIndex: statePageOf(a.cardId), page: packStatePage([{ ...a, reps: 5 }]) },
      { pageIndex: statePageOf(b.cardId), page: undefined },
    ]);
    expect(set.packChanged()).toEqual([]);
    expect([...set.states().values()]).toEqual([{ ...a, reps: 5 }]);
  });
});
