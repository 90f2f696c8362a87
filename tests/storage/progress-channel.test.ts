import { afterEach, describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import {
  announcingCommits,
  openProgressChannel,
  type ProgressChannel,
} from '../../src/storage/progress-channel';
import { review, undo } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';

const term = cardId('css/box-model:term');
const t0 = Date.UTC(2026, 4, 4, 10);

let channelCount = 0;
const opened: { close(): void }[] = [];
function channelPair(): [ProgressChannel, ProgressChannel, string] {
  const name = `progress-channel-test-${++channelCount}`;
  const pair: [ProgressChannel, ProgressChannel] = [
    openProgressChannel(name),
    openProgressChannel(name),
  ];
  opened.push(...pair);
  return [...pair, name];
}

/** The next announcement a channel hears; a test that waits for one in vain times out. */
function nextAnnouncement(channel: ProgressChannel): Promise<readonly CardId[]> {
  return new Promise((resolve) => {
    const stop = channel.subscribe((cardIds) => {
      stop();
      resolve(cardIds);
    });
  });
}

afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
});

describe('progress channel', () => {
  it("tells the other tab which cards changed, and not the tab's own listeners", async () => {
    const [tabA, tabB] = channelPair();
    const heardByA: (readonly CardId[])[] = [];
    tabA.subscribe((cardIds) => heardByA.push(cardIds));
    const heard = nextAnnouncement(tabB);
    tabA.announce([term]);
    expect(await heard).toEqual([term]);
    expect(heardByA).toEqual([]);
  });

  it('ignores messages of another shape', async () => {
    const [, tabB, name] = channelPair();
    const raw = new BroadcastChannel(name);
    opened.push(raw);
    const heard = nextAnnouncement(tabB);
    raw.postMessage({ type: 'reviews-changed', cardIds: [42] });
    raw.postMessage('reviews-changed');
    raw.postMessage({ type: 'reviews-changed', cardIds: ['valid:term'] });
    expect(await heard).toEqual(['valid:term']);
  });

  it('announces after each successful commit, undo and merge', async () => {
    const [tabA, tabB] = channelPair();
    const repository = announcingCommits(new InMemoryProgressRepository(testSchedulerFor), tabA);
    const first = review('e1', term, 3, t0);

    let heard = nextAnnouncement(tabB);
    await repository.commitReview(first);
    expect(await heard).toEqual([term]);

    heard = nextAnnouncement(tabB);
    await repository.commitUndo(undo('u1', first, t0 + 1000));
    expect(await heard).toEqual([term]);

    const other = cardId('html/forms:term');
    heard = nextAnnouncement(tabB);
    await repository.mergeEvents([review('m1', other, 4, t0)]);
    expect(await heard).toEqual([other]);
  });

  it('stays silent when a commit fails', async () => {
    const [tabA, tabB] = channelPair();
    const repository = announcingCommits(new InMemoryProgressRepository(testSchedulerFor), tabA);
    const heard = nextAnnouncement(tabB);
    await expect(
      repository.commitUndo(undo('u1', review('missing', term, 3, t0), t0)),
    ).rejects.toThrow();
    // A channel delivers in order: had the failed commit spoken, the other tab would hear it first.
    const other = cardId('html/forms:term');
    await repository.mergeEvents([review('m1', other, 4, t0)]);
    expect(await heard).toEqual([other]);
  });
});
