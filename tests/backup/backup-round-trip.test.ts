import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup } from '../../src/backup/backup-file';
import { type CardId, cardId } from '../../src/domain/ids';
import { defaultSettings, type Rating } from '../../src/domain/progress';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { pick, seededRandom } from '../scheduler/seeded-random';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { review, undo } from '../support/events';

const t0 = Date.UTC(2026, 2, 1, 9);
const minute = 60_000;
/** The moment of every import here: after the last of the reviews, which span over a year. */
const importedAtMillis = Date.UTC(2028, 0, 1);
const clock = () => importedAtMillis;

/** A learner's repository after `count` answers over a few weeks, some of them undone. */
async function studiedRepository(count: number) {
  const repository = new InMemoryProgressRepository(testSchedulerFor, clock);
  // Set first: states replay with the retention of the settings, which the backup carries.
  await repository.saveSettings({ ...defaultSettings, desiredRetention: 0.88, newPerDay: 15 });
  const random = seededRandom(7);
  const cards: CardId[] = Array.from({ length: 12 }, (_, index) =>
    cardId(`deck/topic-${index}:${index % 3 === 0 ? 'quiz' : 'term'}`),
  );
  let now = t0;
  for (let index = 0; index < count; index++) {
    now += Math.round(random() * 3 * 24 * 60 * minute);
    const card = pick(random, cards);
    const rating = pick(random, [1, 2, 3, 4] as const satisfies readonly Rating[]);
    const event = review(`r${index}`, card, rating, now, {
      source: card.endsWith(':quiz') ? 'quiz' : 'study',
      ...(card.endsWith(':quiz') ? { pickedOptionIndex: index % 4 } : {}),
    });
    await repository.commitReview(event);
    if (random() < 0.1) await repository.commitUndo(undo(`u${index}`, event, now + minute));
  }
  return repository;
}

/** Export as the app does: the whole log to JSON text, then read back as an import does. */
async function exportedText(repository: InMemoryProgressRepository) {
  const backup = createBackup({
    exportedAtMillis: t0,
    appVersion: '0.1.0',
    settings: await repository.getSettings(),
    decks: [],
    events: await repository.allEvents(),
  });
  return JSON.stringify(backup);
}

function parsed(text: string) {
  const result = parseBackup(text, text.length, importedAtMillis);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('a backup carried to an empty repository', () => {
  it('keeps every event, and the replay gives the same states, days and total', async () => {
    const source = await studiedRepository(300);
    const backup = parsed(await exportedText(source));
    const target = new InMemoryProgressRepository(testSchedulerFor, clock);
    await target.saveSettings(backup.settings);
    const result = await target.mergeEvents(backup.events);

    const sourceEvents = await source.allEvents();
    expect(await target.allEvents()).toEqual(sourceEvents);
    expect(result.addedEvents).toBe(sourceEvents.length);
    expect(result.addedReviews).toBe(sourceEvents.filter((e) => e.kind === 'review').length);
    const before = await source.load();
    const after = await target.load();
    expect(after.states).toEqual(before.states);
    expect(after.reviewsByDay).toEqual(before.reviewsByDay);
    expect(after.totalReviews).toBe(before.totalReviews);
    expect(after.settings).toEqual(before.settings);
    // Undone reviews stay undone: undos travel with the reviews they cancel.
    expect(before.totalReviews).toBeLessThan(result.addedReviews);
  });

  it('adds nothing when the same backup is merged a second time', async () => {
    const backup = parsed(await exportedText(await studiedRepository(120)));
    const target = new InMemoryProgressRepository(testSchedulerFor, clock);
    await target.mergeEvents(backup.events);
    const once = await target.load();
    const again = await target.mergeEvents(backup.events);
    expect(again).toEqual({ addedEvents: 0, addedReviews: 0, cardIds: [] });
    const twice = await target.load();
    expect(twice.states).toEqual(once.states);
    expect(twice.totalReviews).toBe(once.totalReviews);
    expect(twice.reviewsByDay).toEqual(once.reviewsByDay);
  });

  it('merges into a log that already holds part of it: only the missing reviews are added', async () => {
    const source = await studiedRepository(80);
    const events = await source.allEvents();
    const backup = parsed(await exportedText(source));
    const target = new InMemoryProgressRepository(testSchedulerFor, clock);
    await target.saveSettings(backup.settings);
    await target.mergeEvents(events.slice(0, 30));
    const result = await target.mergeEvents(backup.events);
    expect(result.addedEvents).toBe(events.length - 30);
    expect((await target.load()).states).toEqual((await source.load()).states);
  });
});
