import type { CardId } from '../domain/ids';
import type { ProgressRepository } from './progress-repository';

export const progressChannelName = 'recallmap-progress';

interface ReviewsChangedMessage {
  readonly type: 'reviews-changed';
  readonly cardIds: readonly CardId[];
}

/**
 * Tells other tabs that cards' progress changed, so they reload those states from the repository
 * (`statesFor`). Only ids travel: the repository stays the one source of states.
 */
export interface ProgressChannel {
  announce(cardIds: readonly CardId[]): void;
  /** Returns the unsubscribe function. A tab never hears its own announcements. */
  subscribe(listener: (cardIds: readonly CardId[]) => void): () => void;
  close(): void;
}

function isReviewsChanged(data: unknown): data is ReviewsChangedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<Record<keyof ReviewsChangedMessage, unknown>>;
  return (
    message.type === 'reviews-changed' &&
    Array.isArray(message.cardIds) &&
    message.cardIds.every((id) => typeof id === 'string')
  );
}

/** A BroadcastChannel underneath; where there is none (old browsers), announcements go nowhere. */
export function openProgressChannel(name = progressChannelName): ProgressChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { announce() {}, subscribe: () => () => {}, close() {} };
  }
  const channel = new BroadcastChannel(name);
  return {
    announce(cardIds) {
      if (cardIds.length === 0) return;
      const message: ReviewsChangedMessage = { type: 'reviews-changed', cardIds: [...cardIds] };
      channel.postMessage(message);
    },
    subscribe(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        if (isReviewsChanged(event.data)) listener(event.data.cardIds);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close() {
      channel.close();
    },
  };
}

/** The repository, announcing every successful commit on the channel. */
export function announcingCommits(
  repository: ProgressRepository,
  channel: ProgressChannel,
): ProgressRepository {
  const saveDeckCounts = repository.saveDeckCounts?.bind(repository);
  return {
    ...(saveDeckCounts ? { saveDeckCounts } : {}),
    load: () => repository.load(),
    loadDailyCounts: () => repository.loadDailyCounts(),
    statesFor: (cardIds) => repository.statesFor(cardIds),
    async commitReview(event) {
      const state = await repository.commitReview(event);
      channel.announce([event.cardId]);
      return state;
    },
    async commitUndo(event) {
      const state = await repository.commitUndo(event);
      channel.announce([event.cardId]);
      return state;
    },
    async commitActions(events) {
      const result = await repository.commitActions(events);
      channel.announce([...new Set(events.map((event) => event.cardId))]);
      return result;
    },
    extrasFor: (cardIds) => repository.extrasFor(cardIds),
    eventsForCard: (cardId) => repository.eventsForCard(cardId),
    eventsForCards: (cardIds) => repository.eventsForCards(cardIds),
    allEvents: () => repository.allEvents(),
    async mergeEvents(events, options) {
      const result = await repository.mergeEvents(events, options);
      channel.announce(result.cardIds);
      return result;
    },
    getSettings: () => repository.getSettings(),
    checkAndRepair: () => repository.checkAndRepair(),
    saveSettings: (settings) => repository.saveSettings(settings),
    readDayTallies: (nowMillis, windowDays, withEventCount) =>
      repository.readDayTallies(nowMillis, windowDays, withEventCount),
    fillDayTallies: (counted, eventCount) => repository.fillDayTallies(counted, eventCount),
  };
}
