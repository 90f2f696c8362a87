import { type CardId, cardId } from '../../domain/ids';
import type { CardPhase, CardState } from '../../domain/progress';
import { statePageOf } from '../state-page';
import { packStatePage } from '../state-page-set';
import type { StoredEntry } from '../store-keys';
import { keyPart, statePageKey } from '../store-keys';
import type { MigrationStep } from './migration-step';

export const version2To3: MigrationStep = {
  fromVersion: 2,
  summary: 'card states packed into pages, so that start-up reads them in one request',
  kinds: ['state'],
  migrate(entries) {
    const output: StoredEntry[] = [];
    const pages = new Map<number, CardState[]>();
    for (const entry of entries) {
      const { key, value } = entry;
      const id = keyPart(key, 1);
      if (keyPart(key, 0) !== 'state' || id === undefined) {
        output.push(entry);
        continue;
      }
      // Packed unchecked: a state that was corrupt fails validation when its page is read, and is
      // rebuilt from its events then, as version 2 did.
      const state = looseState(cardId(id), value);
      const pageIndex = statePageOf(id);
      pages.set(pageIndex, [...(pages.get(pageIndex) ?? []), state]);
    }
    for (const [pageIndex, states] of pages) {
      output.push({ key: statePageKey(pageIndex), value: packStatePage(states) });
    }
    return output;
  },
};

/** A stored state's fields as they are, any that is not a number as NaN, to be packed. */
function looseState(id: CardId, value: unknown): CardState {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const number = (name: string) => {
    const field = fields[name];
    return typeof field === 'number' ? field : Number.NaN;
  };
  const optional = (name: string) => (fields[name] === undefined ? undefined : number(name));
  const lastReviewAtMillis = optional('lastReviewAtMillis');
  const lastDueReviewAtMillis = optional('lastDueReviewAtMillis');
  return {
    cardId: id,
    dueAtMillis: number('dueAtMillis'),
    stability: number('stability'),
    difficulty: number('difficulty'),
    elapsedDays: number('elapsedDays'),
    scheduledDays: number('scheduledDays'),
    learningSteps: number('learningSteps'),
    reps: number('reps'),
    lapses: number('lapses'),
    phase: fields.phase as CardPhase,
    ...(lastReviewAtMillis === undefined ? {} : { lastReviewAtMillis }),
    firstReviewAtMillis: number('firstReviewAtMillis'),
    ...(lastDueReviewAtMillis === undefined ? {} : { lastDueReviewAtMillis }),
  };
}
