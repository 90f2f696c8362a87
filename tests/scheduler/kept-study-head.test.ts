import { describe, expect, it } from 'vitest';
import type { CardControls } from '../../src/domain/card-controls';
import type { CardWithTopic } from '../../src/domain/deck-card-lookup';
import type { CardId, SectionId, TopicId } from '../../src/domain/ids';
import { type CardState, defaultSettings, type Settings } from '../../src/domain/progress';
import { studyDayStartsAfter } from '../../src/scheduler/count-deck-record';
import { distinctSessionCards } from '../../src/scheduler/distinct-session-cards';
import { keepStudyHeads } from '../../src/scheduler/keep-study-heads';
import {
  type KeptStudyHeads,
  keptHeadCard,
  keptHeadState,
  keptStudyHeadAt,
} from '../../src/scheduler/kept-study-head';
import { queueCounts } from '../../src/scheduler/queue-counts';
import type { DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import { sessionQueueInputs } from '../../src/scheduler/session-queue-inputs';
import { studyQueue } from '../../src/scheduler/study-queue';
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
/** Limits small enough to bind, and siblings waiting, so that today's answers shape the queue. */
const settings: Settings = { ...defaultSettings, newPerDay: 4, reviewsPerDay: 15 };

/**
 * Three decks of 40 topics, two cards each, in random phases: reviews due from four days ago to
 * four days on, learning cards due within hours, some answered earlier today, a few suspended.
 */
function randomProfile(seed: number) {
  const random = seededRandom(seed);
  const states: CardState[] = [];
  const controls = new Map<CardId, CardControls>();
  const decks = ['css', 'git', 'sql'].map((name) => {
    const cardIds = ids(
      ...Array.from({ length: 40 }, (_, topic) => [
        `${name}/topic-${topic}:term`,
        `${name}/topic-${topic}:example`,
      ]).flat(),
    );
    for (const id of cardIds) {
      const phase = phasesOrUnseen[Math.floor(random() * phasesOrUnseen.length)] ?? 'unseen';
      const answeredToday = random() < 0.15;
      if (phase !== 'unseen') {
        const spread = phase === 'review' ? 8 * day : 8 * hour;
        const due = countedAt + Math.round((random() - 0.5) * spread);
        states.push(
          cardState(id, phase, due, {
            ...(answeredToday && {
              firstReviewAtMillis: countedAt - hour,
              lastReviewAtMillis: countedAt - hour,
              lastDueReviewAtMillis: countedAt - hour,
            }),
          }),
        );
      }
      if (random() < 0.05) controls.set(id, { cardId: id, suspended: true, leech: false });
    }
    return studyDeck(name, cardIds);
  });
  return { decks, states: stateMap(states), controls };
}

/** A card as its deck would hold it: `git` is the deck that fails to load. */
function cardWithTopic(cardId: CardId): CardWithTopic {
  const topicId = cardId.split(':')[0] as TopicId;
  return {
    card: {
      id: cardId,
      topicId,
      kind: 'term',
      front: cardId,
      back: 'Its answer',
      contentHash: 'c1',
    },
    topic: {
      id: topicId,
      title: cardId,
      sectionId: 'basics' as SectionId,
      description: 'Its answer',
      resources: [{ type: 'article', title: 'Read on', url: 'https://example.org/read' }],
    },
  };
}

/** The queue of "Study all due" at `nowMillis`, as the study page builds it. */
function sessionQueue(profile: ReturnType<typeof randomProfile>, nowMillis: number) {
  const studyIds = distinctSessionCards(profile.decks.map((deck) => deck.studyCardIds));
  const { decks, states, deckSettings } = sessionQueueInputs(
    studyIds,
    profile.decks.map((deck) => deck.id),
    { states: profile.states, settings, controls: profile.controls },
    nowMillis,
  );
  return studyQueue(decks, states, settings, nowMillis, deckSettings);
}

/** When the session's (re)learning cards come due, each moment once, ascending. */
function learningDueMoments(profile: ReturnType<typeof randomProfile>): number[] {
  const studyIds = distinctSessionCards(profile.decks.map((deck) => deck.studyCardIds));
  const { decks, states } = sessionQueueInputs(
    studyIds,
    profile.decks.map((deck) => deck.id),
    { states: profile.states, settings, controls: profile.controls },
    countedAt,
  );
  const due = decks
    .flat()
    .map((id) => states.get(id))
    .filter((state) => state?.phase === 'learning' || state?.phase === 'relearning')
    .map((state) => state?.dueAtMillis ?? 0);
  return [...new Set(due)].sort((a, b) => a - b);
}

async function recordOf(profile: ReturnType<typeof randomProfile>): Promise<DeckCountsRecord> {
  const studyIds = distinctSessionCards(profile.decks.map((deck) => deck.studyCardIds));
  const deckIds = profile.decks.map((deck) => deck.id);
  const inputs = sessionQueueInputs(
    studyIds,
    deckIds,
    { states: profile.states, settings, controls: profile.controls },
    countedAt,
  );
  const dayStartsMillis = studyDayStartsAfter(countedAt, settings.dayStartHour);
  const studyHeads = await keepStudyHeads(
    inputs,
    deckIds,
    dayStartsMillis,
    async () => {},
    async (deckId, cardId) => (deckId === 'git' ? undefined : cardWithTopic(cardId)),
  );
  return {
    changeStamp: 'stamp',
    countedAtMillis: countedAt,
    dayStartsMillis,
    validUntilMillis: Number.POSITIVE_INFINITY,
    decks: profile.decks.map((deck) => ({
      deckId: deck.id,
      cardsFingerprint: deck.cardsFingerprint,
      new: 0,
      learning: 0,
      reviewsDueBefore: dayStartsMillis.map(() => 0),
      learningDueAt: new Float64Array(),
    })),
    studyHeads,
  };
}

describe('the kept head of Study all due', () => {
  it('is the queue the states give, at every moment it is kept for', async () => {
    let applied = 0;
    let moments = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const profile = randomProfile(seed);
      const record = await recordOf(profile);
      const random = seededRandom(seed * 17);
      const dayStarts = record.dayStartsMillis;
      const at = [
        countedAt,
        countedAt + 30 * minute,
        (dayStarts[0] ?? 0) - 1,
        dayStarts[0] ?? 0,
        (dayStarts[1] ?? 0) + hour,
        ...Array.from({ length: 40 }, () => countedAt + Math.round(random() * 3.5 * day)),
      ];
      // The moments learning cards come due, and just before them, checked but not counted.
      const learningDue = learningDueMoments(profile).flatMap((due) => [due - 1, due]);
      for (const now of [...at, ...learningDue]) {
        const head = keptStudyHeadAt(record, profile.decks, now);
        moments += at.includes(now) ? 1 : 0;
        if (!head) continue;
        applied += at.includes(now) ? 1 : 0;
        const queue = sessionQueue(profile, now);
        expect(head.cardIds).toEqual(queue.slice(0, 2));
        expect(head.counts).toEqual(queueCounts(queue, profile.states));
        expect(head.deckIds[0]).toBe(
          profile.decks.find((deck) => deck.studyCardIds.includes(queue[0] as CardId))?.id,
        );
      }
    }
    // Kept for most of today and the next two study days; past them, the states decide.
    expect(applied).toBeGreaterThan(moments / 3);
  });

  it('follows the learning cards coming due: a head from each moment one does, up to 16 a day, then one from the last', async () => {
    const profile = randomProfile(2);
    const record = await recordOf(profile);
    const { heads } = record.studyHeads as KeptStudyHeads;
    const [tomorrow, dayAfter] = record.dayStartsMillis as [number, number];
    const comingDue = learningDueMoments(profile).filter(
      (due) => due > countedAt && due < tomorrow,
    );
    // The profile has more learning cards coming due today than a day keeps heads for.
    expect(comingDue.length).toBeGreaterThan(16);
    const today = heads.filter((head) => head.fromMillis < tomorrow);
    expect(today.map((head) => head.fromMillis)).toEqual([
      countedAt,
      ...comingDue.slice(0, 15),
      comingDue.at(-1),
    ]);
    expect(today.map((head) => head.untilMillis)).toEqual([...comingDue.slice(0, 16), tomorrow]);
    // None is kept between the sixteenth moment and the last: the states decide there.
    const between = ((comingDue[15] ?? 0) + (comingDue.at(-1) ?? 0)) / 2;
    expect(keptStudyHeadAt(record, profile.decks, between)).toBeUndefined();
    expect(heads.filter((head) => head.fromMillis >= tomorrow)[0]?.fromMillis).toBe(tomorrow);
    expect(heads.some((head) => head.fromMillis === dayAfter)).toBe(true);
    expect(keptStudyHeadAt(record, profile.decks, (record.dayStartsMillis[2] ?? 0) + 1)).toBe(
      undefined,
    );
  });

  it('gives the stored state of a card it shows, for its rating buttons', async () => {
    const profile = randomProfile(3);
    const record = await recordOf(profile);
    const head = keptStudyHeadAt(record, profile.decks, countedAt);
    const first = head?.cardIds[0] as CardId;
    expect(keptHeadState(record, first)).toEqual(profile.states.get(first));
  });

  it('applies neither to other decks, nor before it was kept, nor once a buried card is back, nor when damaged', async () => {
    const profile = randomProfile(4);
    const record = await recordOf(profile);
    const now = countedAt + minute;
    expect(keptStudyHeadAt(record, profile.decks, now)).toBeDefined();
    const [css, git, sql] = profile.decks as [
      (typeof profile.decks)[0],
      (typeof profile.decks)[0],
      (typeof profile.decks)[0],
    ];
    expect(keptStudyHeadAt(record, [git, css, sql], now)).toBeUndefined();
    expect(keptStudyHeadAt(record, [css, git], now)).toBeUndefined();
    const edited = studyDeck('git', git.studyCardIds.slice(1));
    expect(keptStudyHeadAt(record, [css, edited, sql], now)).toBeUndefined();
    expect(keptStudyHeadAt(record, profile.decks, countedAt - 1)).toBeUndefined();
    const buried = { ...record, validUntilMillis: now };
    expect(keptStudyHeadAt(buried, profile.decks, now)).toBeUndefined();
    const kept = record.studyHeads as KeptStudyHeads;
    const { heads, states } = kept;
    const badState = { ...kept, states: [{ ...states[0], phase: 'forgotten' }] };
    expect(keptStudyHeadAt({ ...record, studyHeads: badState }, profile.decks, now)).toBe(
      undefined,
    );
    const badHead = { ...kept, heads: [{ ...heads[0], counts: { new: -1 } }] };
    expect(keptStudyHeadAt({ ...record, studyHeads: badHead }, profile.decks, now)).toBe(undefined);
    const { studyHeads: _, ...older } = record;
    expect(keptStudyHeadAt(older, profile.decks, now)).toBeUndefined();
    // Kept before cards were: counted again, so that the next start has them.
    const { cards: __, ...withoutCards } = kept;
    expect(keptStudyHeadAt({ ...record, studyHeads: withoutCards }, profile.decks, now)).toBe(
      undefined,
    );
  });

  it('keeps whole the first cards of the heads kept longest, and gives one back only when undamaged', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const record = await recordOf(randomProfile(seed));
      const { heads, cards } = record.studyHeads as KeptStudyHeads;
      const firstCards = new Set(heads.map((head) => head.cardIds[0]));
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.length).toBeLessThanOrEqual(6);
      for (const { card } of cards) {
        // Only first cards: the second card's deck is loaded while the first is on screen.
        expect(firstCards.has(card.id)).toBe(true);
        expect(keptHeadCard(record, card.id)).toEqual(cardWithTopic(card.id));
      }
      const span = (head: (typeof heads)[number]) => head.untilMillis - head.fromMillis;
      const longest = heads
        .filter((head) => head.cardIds.length > 0 && head.deckIds[0] !== 'git')
        .sort((a, b) => span(b) - span(a))[0];
      expect(keptHeadCard(record, longest?.cardIds[0] as CardId)).toBeDefined();
      for (const head of heads.filter((each) => each.deckIds[0] === 'git')) {
        expect(keptHeadCard(record, head.cardIds[0] as CardId)).toBeUndefined();
      }
    }
    const record = await recordOf(randomProfile(1));
    const kept = record.studyHeads as KeptStudyHeads;
    const [{ card, topic }] = kept.cards as [CardWithTopic];
    const withCard = (damaged: unknown) => ({
      ...record,
      studyHeads: { ...kept, cards: [damaged] },
    });
    expect(keptHeadCard(withCard({ card, topic }), card.id)).toEqual({ card, topic });
    expect(keptHeadCard(withCard({ card, topic: undefined }), card.id)?.card).toEqual(card);
    const scriptLink = { type: 'article', title: 'Read on', url: 'javascript:alert(1)' };
    const damaged = [
      { card, topic: { ...topic, resources: [scriptLink] } },
      { card: { ...card, front: 7 }, topic },
      { card: { ...card, kind: 'quiz' }, topic },
      { card, topic: { ...topic, id: 'another-topic' } },
      'card',
    ];
    for (const each of damaged) {
      expect(keptHeadCard(withCard(each), card.id)).toBeUndefined();
    }
  });
});
