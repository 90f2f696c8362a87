import { schedulerForSettings } from '../scheduler/scheduler';
import type { TrueRetention } from '../stats/true-retention';
import { openProgressRepository } from '../storage/open-progress-repository';
import { windowRetention } from './window-retention';

export type TrueRetentionReply =
  | { readonly ok: true; readonly retention: TrueRetention }
  | { readonly ok: false; readonly error: string };

// Days written before tallies were kept are counted here, off the page's thread: the logs of the
// cards reviewed in the window are read whole and replayed, once; the counts are then stored.
self.onmessage = async (message: MessageEvent<{ nowMillis: number }>) => {
  let reply: TrueRetentionReply;
  try {
    const { repository, persistent, reason } = await openProgressRepository();
    if (!persistent) throw new Error(reason ?? 'the database could not be opened');
    const settings = await repository.getSettings();
    const retention = await windowRetention(
      repository,
      async () => (await repository.load()).states.values(),
      async () => schedulerForSettings(settings, true),
      message.data.nowMillis,
    );
    reply = { ok: true, retention };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
