import { openProgressRepository } from '../../storage/open-progress-repository';
import { keepingUntilSubscribed, openProgressChannel } from '../../storage/progress-channel';

/**
 * Stored progress, opened and read from the moment the app's code starts running: `main.tsx`
 * imports this module first, so IndexedDB reads the card states while the rest of the code (the
 * decks' summaries, React, the routes) is evaluated and the first page renders, rather than after.
 * The channel opens before the read begins and keeps what other tabs announce until the store
 * subscribes (see `progress-slice.ts`, which listens before it reads).
 */
export const progressStart = {
  channel: keepingUntilSubscribed(openProgressChannel()),
  opened: openProgressRepository({ readAtOnce: true }),
};
