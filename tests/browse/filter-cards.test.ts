import { describe, expect, it } from 'vitest';
import { type BrowseCard, browseCatalog } from '../../src/browse/browse-catalog';
import {
  type BrowseQuery,
  type CardStateFilter,
  type DueFilter,
  defaultBrowseQuery,
} from '../../src/browse/browse-query';
import { type FilterContext, filterCards } from '../../src/browse/filter-cards';
import { cardId, topicId } from '../../src/domain/ids';
import { cardState, stateMap } from '../scheduler/card-states';
import { compileOne, outlineSource } from '../support/deck-sources';
import { inTimeZone } from '../support/time-zone';

inTimeZone('Europe/Berlin');

const hour = 3_600_000;
const day = 24 * hour;
// 10:00 in Berlin (UTC+2 in June): the study day began at 04:00 today.
const now = Date.UTC(2026, 5, 10, 8);
const todayStart = Date.UTC(2026, 5, 10, 2);

const asyncDeck = compileOne(
  outlineSource('Async', {
    Basics: [
      ['Event Loop', 'The event loop runs callbacks and coroutines one after another.'],
      ['Coroutine', 'A coroutine is a function that can PAUSE at an await and resume later.'],
    ],
  }),
);
const webDeck = compileOne(
  outlineSource('Web', {
    Servers: [['Uvicorn', 'Uvicorn is an ASGI server that runs Python web apps.']],
  }),
);
const catalog = browseCatalog([asyncDeck, webDeck]);

const context = (extra: Partial<FilterContext> = {}): FilterContext => ({
  states: new Map(),
  controls: new Map(),
  notes: new Map(),
  nowMillis: now,
  dayStartHour: 4,
  ...extra,
});

const query = (extra: Partial<BrowseQuery>): BrowseQuery => ({ ...defaultBrowseQuery, ...extra });
const fronts = (cards: readonly BrowseCard[]) => cards.map((card) => card.front);
const idsOf = (cards: readonly BrowseCard[]) => cards.map((card) => card.cardId as string);

describe('filterCards: search', () => {
  it('lists every card for an empty search', () => {
    expect(filterCards(catalog, defaultBrowseQuery, context())).toHaveLength(catalog.length);
  });

  it('finds cards by their front, back or topic title, in any case', () => {
    expect(fronts(filterCards(catalog, query({ text: 'uvicorn' }), context()))).toContain(
      'Uvicorn',
    );
    // "pause" is only in the Coroutine description: the term card's back and the recall front.
    const paused = filterCards(catalog, query({ text: 'Pause' }), context());
    expect(paused.length).toBeGreaterThan(0);
    expect(paused.every((card) => card.topicTitle === 'Coroutine')).toBe(true);
    expect(idsOf(filterCards(catalog, query({ text: 'EVENT LOOP' }), context()))).toEqual(
      idsOf(catalog.filter((card) => card.topicTitle === 'Event Loop')),
    );
  });

  it("finds every card of a topic by the topic's note", () => {
    const coroutine = catalog.find((card) => card.topicTitle === 'Coroutine');
    const notes = new Map([
      [topicId(coroutine?.topicId ?? ''), { text: 'Remember: asyncio.run starts one' }],
    ]);
    const found = filterCards(catalog, query({ text: 'ASYNCIO.RUN' }), context({ notes }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((card) => card.topicTitle === 'Coroutine')).toBe(true);
  });

  it('finds nothing for text no card holds', () => {
    expect(filterCards(catalog, query({ text: 'zebra' }), context())).toEqual([]);
  });
});

describe('filterCards: filters', () => {
  it('keeps the cards of one deck', () => {
    const found = filterCards(catalog, query({ deckId: webDeck.id }), context());
    expect(idsOf(found)).toEqual(webDeck.cards.map((card) => card.id as string));
  });

  it('keeps new, learning or review cards by their phase; a card without a state is new', () => {
    const [first, second, third] = catalog;
    const states = stateMap([
      cardState(first?.cardId ?? '', 'relearning', now),
      cardState(second?.cardId ?? '', 'review', now + day),
      cardState(third?.cardId ?? '', 'learning', now),
    ]);
    expect(idsOf(filterCards(catalog, query({ state: 'learning' }), context({ states })))).toEqual([
      first?.cardId,
      third?.cardId,
    ]);
    expect(idsOf(filterCards(catalog, query({ state: 'review' }), context({ states })))).toEqual([
      second?.cardId,
    ]);
    expect(filterCards(catalog, query({ state: 'new' }), context({ states }))).toHaveLength(
      catalog.length - 3,
    );
  });

  it('keeps overdue cards, cards due today and cards due within a week, by study day', () => {
    const [yesterday, earlyToday, tonight, inSixDays, inEightDays] = catalog;
    const states = stateMap([
      cardState(yesterday?.cardId ?? '', 'review', todayStart - hour),
      cardState(earlyToday?.cardId ?? '', 'review', todayStart + hour),
      // 03:00 tomorrow still belongs to today's study day.
      cardState(tonight?.cardId ?? '', 'learning', todayStart + day - hour),
      cardState(inSixDays?.cardId ?? '', 'review', todayStart + 6 * day + hour),
      cardState(inEightDays?.cardId ?? '', 'review', todayStart + 8 * day),
    ]);
    const due = (filter: DueFilter) =>
      idsOf(filterCards(catalog, query({ due: filter }), context({ states })));
    expect(due('overdue')).toEqual([yesterday?.cardId]);
    expect(due('today')).toEqual([earlyToday?.cardId, tonight?.cardId]);
    expect(due('week')).toEqual([earlyToday?.cardId, tonight?.cardId, inSixDays?.cardId]);
  });

  it('keeps suspended, buried, leech and flagged cards by what the learner set', () => {
    const [suspended, buriedToday, buriedBefore, leech, red, blue] = catalog.map(
      (card) => card.cardId,
    );
    const controls = new Map(
      [
        { cardId: suspended, suspended: true, leech: false },
        {
          cardId: buriedToday,
          suspended: false,
          leech: false,
          buriedUntilMillis: todayStart + day,
        },
        { cardId: buriedBefore, suspended: false, leech: false, buriedUntilMillis: todayStart },
        { cardId: leech, suspended: true, leech: true },
        { cardId: red, suspended: false, leech: false, flag: 1 as const },
        { cardId: blue, suspended: false, leech: false, flag: 4 as const },
      ].map((entry) => [
        cardId(entry.cardId ?? ''),
        { ...entry, cardId: cardId(entry.cardId ?? '') },
      ]),
    );
    const kept = (state: CardStateFilter) =>
      idsOf(filterCards(catalog, query({ state }), context({ controls })));
    expect(kept('suspended')).toEqual([suspended, leech]);
    expect(kept('buried')).toEqual([buriedToday]);
    expect(kept('leech')).toEqual([leech]);
    expect(kept('flag-1')).toEqual([red]);
    expect(kept('flag-4')).toEqual([blue]);
    expect(kept('flag-2')).toEqual([]);
  });

  it('combines a search, a deck and a state', () => {
    const uvicornTerm = catalog.find((card) => card.front === 'Uvicorn');
    const states = stateMap([cardState(uvicornTerm?.cardId ?? '', 'review', now)]);
    const found = filterCards(
      catalog,
      query({ text: 'asgi', deckId: webDeck.id, state: 'review' }),
      context({ states }),
    );
    expect(idsOf(found)).toEqual([uvicornTerm?.cardId]);
  });
});
