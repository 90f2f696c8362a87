import { describe, expect, it } from 'vitest';
import { deckIdsOfSources, eventKey, previewBackup } from '../../src/backup/backup-preview';
import { describePreview } from '../../src/backup/describe-preview';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { singleFileSource } from '../support/deck-sources';
import { review, undo } from '../support/events';

const term = cardId('deck/a:term');
const recall = cardId('deck/a:recall');
const t0 = Date.UTC(2026, 4, 4, 10);
const r1 = review('r1', term, 3, t0);
const r2 = review('r2', term, 4, t0 + 1000);
const r3 = review('r3', recall, 1, t0 + 2000);
const nothingStored = {
  eventKeys: new Set([eventKey(r1)]),
  settings: defaultSettings,
  deckSources: [],
  importedDeckIds: new Set<string>(),
  deckCardIds: new Set<string>([term, recall]),
};

describe('previewBackup', () => {
  it('counts the reviews the log lacks, once each, and the undos apart', () => {
    const preview = previewBackup(
      { events: [r1, r2, r3, r3, undo('u1', r2, t0 + 5000)], decks: [], settings: defaultSettings },
      [],
      nothingStored,
    );
    expect(preview).toMatchObject({ newReviews: 2, knownReviews: 1, newUndos: 1 });
    expect(preview.settingsDiffer).toBe(false);
  });

  it('knows an event by its id alone, whatever card it names', () => {
    const sameIdOtherCard = review('r1', recall, 2, t0);
    const preview = previewBackup(
      { events: [sameIdOtherCard], decks: [], settings: defaultSettings },
      [],
      nothingStored,
    );
    expect(preview).toMatchObject({ newReviews: 0, knownReviews: 1 });
  });

  it('counts apart the new reviews of cards that no deck holds', () => {
    const orphan = cardId('gone/topic:term');
    const preview = previewBackup(
      {
        events: [r1, r3, review('o1', orphan, 3, t0), review('o2', orphan, 1, t0 + 1000)],
        decks: [],
        settings: defaultSettings,
      },
      [],
      { ...nothingStored, eventKeys: new Set([eventKey(review('o1', orphan, 3, t0))]) },
    );
    expect(preview).toMatchObject({ newReviews: 3, knownReviews: 1, newReviewsOfCardsInNoDeck: 1 });
    expect(describePreview(preview)[1]).toBe('1 review of cards in no deck');
  });

  it('sorts decks by the id they compile to: added, replaced, unchanged or skipped', () => {
    const preview = previewBackup(
      {
        events: [],
        decks: [
          singleFileSource('a.md', 'same'),
          singleFileSource('b.md', 'edited'),
          singleFileSource('c.md', 'new'),
          singleFileSource('d.md', 'no topics'),
        ],
        settings: { ...defaultSettings, quizLength: 20 },
      },
      ['a', 'b', 'c', undefined],
      {
        ...nothingStored,
        deckSources: [
          singleFileSource('a.md', 'same'),
          singleFileSource('b-old-name.md', 'first version'),
        ],
        importedDeckIds: new Set(['a', 'b']),
      },
    );
    expect(preview).toMatchObject({
      decksAdded: 1,
      decksReplaced: 1,
      decksUnchanged: 1,
      decksSkipped: 1,
    });
    expect(preview.settingsDiffer).toBe(true);
  });
});

describe('deckIdsOfSources', () => {
  it('pairs compiled decks with their sources in order, leaving sources without a deck', () => {
    const sources = [
      singleFileSource('a.md', ''),
      singleFileSource('empty.md', ''),
      singleFileSource('a.md', ''),
      singleFileSource('c.md', ''),
    ];
    const decks = [
      { id: 'alpha', source: 'a.md' },
      { id: 'alpha-2', source: 'a.md' },
      { id: 'gamma', source: 'c.md' },
    ];
    expect(deckIdsOfSources(decks, sources)).toEqual(['alpha', undefined, 'alpha-2', 'gamma']);
  });
});

describe('describePreview', () => {
  const nothing = {
    newReviews: 0,
    knownReviews: 0,
    newReviewsOfCardsInNoDeck: 0,
    newUndos: 0,
    decksAdded: 0,
    decksReplaced: 0,
    decksUnchanged: 0,
    decksSkipped: 0,
    settingsDiffer: false,
  };

  it('says what an import changes, line by line', () => {
    expect(
      describePreview({
        ...nothing,
        newReviews: 1204,
        knownReviews: 3,
        newReviewsOfCardsInNoDeck: 12,
        newUndos: 1,
        decksAdded: 2,
        decksReplaced: 1,
        decksSkipped: 1,
        settingsDiffer: true,
      }),
    ).toEqual([
      '1,204 new reviews (3 already here)',
      '12 reviews of cards in no deck',
      '1 undo of earlier reviews',
      "Decks: adds 2 decks, replaces 1 imported deck with the backup's version, skips 1 deck without a usable topic",
      "Settings: the backup's replace yours",
    ]);
  });

  it('says when an import changes nothing', () => {
    expect(describePreview({ ...nothing, knownReviews: 5, decksUnchanged: 1 })).toEqual([
      'No new reviews (5 already here)',
      'Decks: 1 deck already here',
      'Settings: the same as yours',
    ]);
  });
});
