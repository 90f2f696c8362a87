// What Browse shows, as it lives in the page's URL query, so that a reload or a shared link keeps
// the search, the filters and the order.

/** Phases, then what the learner set: `flag-1` to `flag-4` are Anki's red, orange, green, blue. */
export const cardStateFilters = [
  'new',
  'learning',
  'review',
  'suspended',
  'buried',
  'leech',
  'flag-1',
  'flag-2',
  'flag-3',
  'flag-4',
] as const;
export type CardStateFilter = (typeof cardStateFilters)[number];

/** `overdue`: due before today's study day; `today`: due during it; `week`: within 7 study days. */
export const dueFilters = ['overdue', 'today', 'week'] as const;
export type DueFilter = (typeof dueFilters)[number];

export const sortKeys = ['deck', 'due', 'stability', 'difficulty', 'lapses', 'lastReview'] as const;
export type SortKey = (typeof sortKeys)[number];

export type SortDirection = 'asc' | 'desc';

export interface BrowseQuery {
  readonly text: string;
  readonly deckId?: string;
  readonly state?: CardStateFilter;
  readonly due?: DueFilter;
  readonly sort: SortKey;
  readonly direction: SortDirection;
}

export const defaultBrowseQuery: BrowseQuery = { text: '', sort: 'deck', direction: 'asc' };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The query a URL holds; a value the page does not know is left out rather than refused. */
export function readBrowseQuery(params: URLSearchParams): BrowseQuery {
  const deckId = params.get('deck') || undefined;
  const state = oneOf(cardStateFilters, params.get('state'));
  const due = oneOf(dueFilters, params.get('due'));
  return {
    text: params.get('q') ?? '',
    ...(deckId === undefined ? {} : { deckId }),
    ...(state === undefined ? {} : { state }),
    ...(due === undefined ? {} : { due }),
    sort: oneOf(sortKeys, params.get('sort')) ?? defaultBrowseQuery.sort,
    direction: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The URL query of `query`, defaults left out so that a plain `/browse` stays plain. */
export function browseQueryParams(query: BrowseQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text !== '') params.set('q', query.text);
  if (query.deckId !== undefined) params.set('deck', query.deckId);
  if (query.state !== undefined) params.set('state', query.state);
  if (query.due !== undefined) params.set('due', query.due);
  if (query.sort !== defaultBrowseQuery.sort) params.set('sort', query.sort);
  if (query.direction !== defaultBrowseQuery.direction) params.set('order', query.direction);
  return params;
}
