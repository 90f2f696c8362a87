import { loadOnce } from '../domain/load-once';
import type { SeenContentHashes } from './seen-content-hashes';

/**
 * The seen content hashes, whose code loads with their first use: only the deck page and the study
 * session read or write them, so the first screen does not carry it.
 */
export function lazySeenContentHashes(persistent: boolean): SeenContentHashes {
  const open = loadOnce(() =>
    import('./seen-content-hashes').then((module) =>
      persistent ? module.idbSeenContentHashes() : module.inMemorySeenContentHashes(),
    ),
  );
  return {
    load: async () => (await open()).load(),
    remember: async (cardId, contentHash) => (await open()).remember(cardId, contentHash),
  };
}
