import { describe, expect, it } from 'vitest';
import type { CardControls } from '../../src/domain/card-controls';
import { studyableCardIds } from '../../src/domain/card-controls';
import { type CardId, deckId } from '../../src/domain/ids';
import type { CardState } from '../../src/domain/progress';
import {
  firstUnburialAfter,
  recordDeckCounts,
  recordStillHolds,
  studyDayStartsAfter,
} from '../../src/scheduler/count-deck-record';
import { nextStudyDayStartMillis } from '../../src/scheduler/day-boundary';
import { deckCounts } from '../../src/scheduler/deck-counts';
import { keepDueForecast } from '../../src/scheduler/kept-due-forecast';
import type { KeptStudyHeads } from '../../src/scheduler/kept-study-head';
import { countsFromRecord, type DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import { studyDeck } from '../support/study-deck';
import { inTimeZone } from '../support/time-zone';
import { cardState, ids, phasesOrUnseen, stateMap } from './card-states';
import { seededRandom } from './seeded-random';

inTimeZone('Europe/Berlin');

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** 10:00 on 12 May 2026 in Berlin. */
const countedAt = Date.parse('2026-05-12T08:00:00Z');
const dayStartHour = 4;
const phases = phasesOrUnseen;

/**
 * A deck of 200 cards in random phases, due from three days ago to three days on, some suspended
 * and, for an odd seed, some buried.
 */
function randomDeck(seed: number) {
  const random = seededRandom(seed);
  const cardIds = ids(...Array.from({ length: 200 }, (_, index) => `css/topic-${index}:term`));
  const states: CardState[] = [];
  const controls = new Map<CardId, CardControls>();
  for (const id of cardIds) {
    const phase = phases[Math.floor(random() * phases.length)] ?? 'unseen';
    if (phase !== 'unseen') {
      const spread = phase === 'review' ? 6 * day : 6 * hour;
      states.push(cardState(id, phase, countedAt + Math.round((random() - 0.5) * spread)));
    }
    const control = random();
    if (control < 0.05) controls.set(id, { cardId: id, suspended: true, leech: false });
    else if (control < 0.1 && seed % 2 === 1) {
      // Buried yesterday (back already) or today (back at the next day start), as a bury does.
      const nextDayStart = nextStudyDayStartMillis(countedAt, dayStartHour);
      const buriedUntilMillis = random() < 0.5 ? nextDayStart - day : nextDayStart;
      controls.set(id, { cardId: id, suspended: false, leech: false, buriedUntilMillis });
    }
  }
  return { deck: studyDeck('css', cardIds), states: stateMap(states), controls };
}

/** Heads of "Study all due" saying that nothing is due from `fromMillis` until `untilMillis`. */
const nothingDueFor = (fromMillis: number, untilMillis: number) => ({
  heads: [
    {
      fromMillis,
      untilMillis,
      cardIds: [],
      deckIds: [],
      counts: { new: 0, learning: 0, review: 0 },
    },
  ],
  states: [],
  cards: [],
});

function recordOf(seed: number): { record: DeckCountsRecord } & ReturnType<typeof randomDeck> {
  const deck = randomDeck(seed);
  const dayStartsMillis = studyDayStartsAfter(countedAt, dayStartHour);
  const record: DeckCountsRecord = {
    changeStamp: 'stamp',
    countedAtMillis: countedAt,
    dayStartsMillis,
    validUntilMillis: firstUnburialAfter(deck.controls, countedAt),
    decks: [recordDeckCounts(deck.deck, deck.states, deck.controls, countedAt, dayStartsMillis)],
    dueForecast: keepDueForecast(deck.states.values(), dayStartsMillis),
    studyHeads: nothingDueFor(countedAt, countedAt + 30 * day),
  };
  return { record, ...deck };
}

describe('deck counts kept for the next start', () => {
  it('give the counts of the states they were made from at any moment they apply', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { record, deck, states, controls } = recordOf(seed);
      const random = seededRandom(seed * 31);
      // The moment itself, learning minutes coming due, the next day start, and random moments.
      const moments = [
        countedAt,
        countedAt + 30 * minute,
        nextStudyDayStartMillis(countedAt, dayStartHour) - 1,
        nextStudyDayStartMillis(countedAt, dayStartHour),
        ...Array.from({ length: 40 }, () => countedAt + Math.round(random() * 3 * day)),
      ];
      let applied = 0;
      for (const now of moments) {
        const fromRecord = countsFromRecord(record, deck, now);
        if (now >= record.validUntilMillis) {
          expect(fromRecord).toBeUndefined();
          continue;
        }
        applied += 1;
        expect(fromRecord).toEqual(
          deckCounts(studyableCardIds(deck.studyCardIds, controls, now), states, dayStartHour, now),
        );
      }
      expect(applied).toBeGreaterThan(3);
      // With no card buried, the record applies across days.
      if (seed % 2 === 0) expect(applied).toBe(moments.length);
    }
  });

  it('end when the first buried card comes back', () => {
    const { record, controls } = recordOf(1);
    const comingBack = [...controls.values()]
      .map((control) => control.buriedUntilMillis ?? 0)
      .filter((until) => until > countedAt);
    expect(comingBack.length).toBeGreaterThan(0);
    expect(record.validUntilMillis).toBe(Math.min(...comingBack));
  });

  it('apply neither to another deck, nor to the deck with other cards, nor before they were made', () => {
    const { record, deck } = recordOf(4);
    const now = countedAt + minute;
    expect(countsFromRecord(record, deck, now)).toBeDefined();
    expect(countsFromRecord(record, { ...deck, id: deckId('git') }, now)).toBeUndefined();
    const edited = studyDeck('css', [...deck.studyCardIds.slice(1), ...ids('css/new:term')]);
    expect(countsFromRecord(record, edited, now)).toBeUndefined();
    expect(countsFromRecord(record, deck, countedAt - 1)).toBeUndefined();
    // Sixty study days are kept: a learner away longer waits for the states.
    const lastDayStart = record.dayStartsMillis.at(-1) ?? 0;
    expect(lastDayStart - countedAt).toBeGreaterThan(59 * day);
    expect(countsFromRecord(record, deck, lastDayStart - 1)).toBeDefined();
    expect(countsFromRecord(record, deck, lastDayStart)).toBeUndefined();
  });

  it('are counted again only when something they rest on changed, or their days run short', () => {
    const { record, deck } = recordOf(4);
    const soon = countedAt + day;
    expect(recordStillHolds(record, 'stamp', [deck], soon)).toBe(true);
    expect(recordStillHolds(record, 'another stamp', [deck], soon)).toBe(false);
    const git = studyDeck('git', ids('git/commit:term'));
    expect(recordStillHolds(record, 'stamp', [deck, git], soon)).toBe(false);
    // A deck removed: the session over every deck is another.
    expect(recordStillHolds(record, 'stamp', [], soon)).toBe(false);
    const edited = studyDeck('css', deck.studyCardIds.slice(1));
    expect(recordStillHolds(record, 'stamp', [edited], soon)).toBe(false);
    // The forecast needs 30 days past today; a week before they run short, it is counted again.
    expect(recordStillHolds(record, 'stamp', [deck], countedAt + 22 * day)).toBe(true);
    expect(recordStillHolds(record, 'stamp', [deck], countedAt + 24 * day)).toBe(false);
    const buried = recordOf(1).record;
    expect(recordStillHolds(buried, 'stamp', [deck], buried.validUntilMillis)).toBe(false);
    // A record kept by an older version, without the forecast.
    const { dueForecast: _, ...olderRecord } = record;
    expect(recordStillHolds(olderRecord, 'stamp', [deck], soon)).toBe(false);
    // Without a head of "Study all due" for now: none kept, its last one over, or one damaged.
    const { studyHeads: __, ...headless } = record;
    expect(recordStillHolds(headless, 'stamp', [deck], soon)).toBe(false);
    const headsOver = { ...record, studyHeads: nothingDueFor(countedAt, soon) };
    expect(recordStillHolds(headsOver, 'stamp', [deck], soon)).toBe(false);
    const damaged = {
      ...record,
      studyHeads: { heads: [{ fromMillis: countedAt }], states: [], cards: [] },
    };
    expect(recordStillHolds(damaged, 'stamp', [deck], soon)).toBe(false);
    // Kept by a version that kept no cards with its heads.
    const { cards: ___, ...cardless } = record.studyHeads as KeptStudyHeads;
    expect(recordStillHolds({ ...record, studyHeads: cardless }, 'stamp', [deck], soon)).toBe(
      false,
    );
  });
});
