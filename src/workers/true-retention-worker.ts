import { schedulerForSettings } from '../scheduler/scheduler';
import {
  cardsReviewedSince,
  phasedReviews,
  type TrueRetention,
  trueRetention,
} from '../stats/true-retention';
import { openProgressRepository } from '../storage/open-progress-repository';

export type TrueRetentionReply =
  | { readonly ok: true; readonly retention: TrueRetention }
  | { readonly ok: false; readonly error: string };

// True retention needs each review's phase before it, which only a replay of the card's log tells.
// Only cards reviewed within the window are read, whole logs each; that and the replay run here,
// off the page's thread.
self.onmessage = async (message: MessageEvent<{ nowMillis: number }>) => {
  let reply: TrueRetentionReply;
  try {
    const { repository, persistent, reason } = await openProgressRepository();
    if (!persistent) throw new Error(reason ?? 'the database could not be opened');
    const { nowMillis } = message.data;
    const { states, settings } = await repository.load();
    const events = await repository.eventsForCards(cardsReviewedSince(states.values(), nowMillis));
    const scheduler = schedulerForSettings(settings, true);
    reply = { ok: true, retention: trueRetention(phasedReviews(events, scheduler), nowMillis) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
