import type { MigrationStep } from './migration-step';

/**
 * Version 4 adds card actions and notes to the log, with `['controls', cardId]` and
 * `['note', topicId]` derived from them. A version 3 store holds neither, so nothing is rewritten;
 * the new version keeps a build that knows only reviews and undos from opening the store and
 * setting aside the events it cannot read.
 */
export const version3To4: MigrationStep = {
  fromVersion: 3,
  summary: 'card actions and notes join the log',
  kinds: [],
  migrate: (entries) => [...entries],
};
