import { schedulerForSettings } from '../scheduler/scheduler';
import { phasedReviews, type TrueRetention, trueRetention } from '../stats/true-retention';
import { openProgressRepository } from '../storage/open-progress-repository';

export type TrueRetentionReply =
  | { readonly ok: true; readonly retention: TrueRetention }
  | { readonly ok: false; readonly error: string };

// True retention needs each review's phase before it, which only a replay of the log tells. A log
// may hold a million reviews: reading and replaying it here keeps the page responsive meanwhile.
self.onmessage = async (message: MessageEvent<{ nowMillis: number }>) => {
  let reply: TrueRetentionReply;
  try {
    const { repository, persistent, reason } = await openProgressRepository();
    if (!persistent) throw new Error(reason ?? 'the database could not be opened');
    const settings = await repository.getSettings();
    const events = await repository.allEvents();
    const scheduler = schedulerForSettings(settings, true);
    reply = {
      ok: true,
      retention: trueRetention(phasedReviews(events, scheduler), message.data.nowMillis),
    };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
