import { useId } from 'react';
import {
  type BrowseQuery,
  type CardStateFilter,
  cardStateFilters,
  type DueFilter,
  dueFilters,
  type SortKey,
  sortKeys,
} from '../../browse/browse-query';
import { flagNames } from '../../domain/card-controls';
import type { BrowseDeck } from './use-browse-catalog';

const stateLabels: Record<CardStateFilter, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  suspended: 'Suspended',
  buried: 'Buried',
  leech: 'Leech',
  'flag-1': `${flagNames[1]} flag`,
  'flag-2': `${flagNames[2]} flag`,
  'flag-3': `${flagNames[3]} flag`,
  'flag-4': `${flagNames[4]} flag`,
};

const dueLabels: Record<DueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due this week',
};

const sortLabels: Record<SortKey, string> = {
  deck: 'Deck order',
  due: 'Due date',
  stability: 'Stability',
  difficulty: 'Difficulty',
  lapses: 'Lapses',
  lastReview: 'Last review',
};

/**
 * Leaves `key` out for the empty choice ("All"), so that the query holds only what is set. The
 * options offer only known values, and the page reads the query back through `readBrowseQuery`.
 */
function withChoice(query: BrowseQuery, key: 'deckId' | 'state' | 'due', value: string) {
  const next = { ...query };
  delete next[key];
  return value === '' ? next : ({ ...next, [key]: value } as BrowseQuery);
}

export function BrowseFilters({
  query,
  decks,
  onChange,
}: {
  query: BrowseQuery;
  decks: readonly BrowseDeck[];
  onChange: (query: BrowseQuery) => void;
}) {
  const id = useId();
  return (
    <search className="browse-filters">
      <div className="browse-search">
        <label htmlFor={`${id}-searchcards`}>Search cards</label>
        <input
          id={`${id}-searchcards`}
          type="search"
          value={query.text}
          onChange={(event) => onChange({ ...query, text: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-deck`}>Deck</label>
        <select
          id={`${id}-deck`}
          value={query.deckId ?? ''}
          onChange={(event) => onChange(withChoice(query, 'deckId', event.target.value))}
        >
          <option value="">All decks</option>
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-state`}>State</label>
        <select
          id={`${id}-state`}
          value={query.state ?? ''}
          onChange={(event) => onChange(withChoice(query, 'state', event.target.value))}
        >
          <option value="">Any state</option>
          {cardStateFilters.map((state) => (
            <option key={state} value={state}>
              {stateLabels[state]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-due`}>Due</label>
        <select
          id={`${id}-due`}
          value={query.due ?? ''}
          onChange={(event) => onChange(withChoice(query, 'due', event.target.value))}
        >
          <option value="">Any time</option>
          {dueFilters.map((due) => (
            <option key={due} value={due}>
              {dueLabels[due]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-sortby`}>Sort by</label>
        <select
          id={`${id}-sortby`}
          value={query.sort}
          onChange={(event) => {
            const sort = sortKeys.find((key) => key === event.target.value);
            if (sort) onChange({ ...query, sort });
          }}
        >
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-order`}>Order</label>
        <select
          id={`${id}-order`}
          value={query.direction}
          onChange={(event) =>
            onChange({ ...query, direction: event.target.value === 'desc' ? 'desc' : 'asc' })
          }
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
    </search>
  );
}
