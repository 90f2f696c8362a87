import './browse.css';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { BrowseQuery } from '../../browse/browse-query';
import {
  type CardSelection,
  emptySelection,
  type SelectGesture,
  selectionAfter,
  selectionWithin,
} from '../../browse/card-selection';
import { filterCards } from '../../browse/filter-cards';
import { sortCards } from '../../browse/sort-cards';
import type { CardId } from '../../domain/ids';
import { useAppStore } from '../common/app-store';
import { formatCount } from '../common/format-count';
import { plural } from '../common/plural';
import { useStudyClock } from '../study/use-study-clock';
import { BrowseFilters } from './browse-filters';
import { CardDetail } from './card-detail';
import { CardList } from './card-list';
import { SelectionActions } from './selection-actions';
import type { Catalog } from './use-browse-catalog';

/** Below this width the list and a card's detail take turns rather than sit side by side. */
const narrowQuery = '(max-width: 720px)';

export function BrowseView({
  catalog,
  query,
  onQueryChange,
}: {
  catalog: Catalog;
  query: BrowseQuery;
  onQueryChange: (query: BrowseQuery) => void;
}) {
  const states = useAppStore((state) => state.states);
  const controls = useAppStore((state) => state.controls);
  const notes = useAppStore((state) => state.notes);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const nowMillis = useStudyClock();
  // Typing stays responsive: the field shows each key at once, the list follows when it can.
  const listedQuery = useDeferredValue(query);
  const listed = useMemo(
    () =>
      sortCards(
        filterCards(catalog.cards, listedQuery, {
          states,
          controls,
          notes,
          nowMillis,
          dayStartHour,
        }),
        listedQuery.sort,
        listedQuery.direction,
        states,
      ),
    [catalog, listedQuery, states, controls, notes, nowMillis, dayStartHour],
  );
  const listedIds = useMemo(() => listed.map((card) => card.cardId), [listed]);
  const cardsById = useMemo(
    () => new Map(catalog.cards.map((card) => [card.cardId, card])),
    [catalog],
  );
  const [chosen, setChosen] = useState<CardSelection>(emptySelection);
  const selection = useMemo(() => selectionWithin(chosen, listedIds), [chosen, listedIds]);
  const [shownCardId, setShownCardId] = useState<CardId>();
  const shown = shownCardId === undefined ? undefined : cardsById.get(shownCardId);
  const backRef = useRef<HTMLButtonElement>(null);

  // On a phone the detail replaces the list: focus moves to its way back, where reading starts.
  useEffect(() => {
    if (shownCardId !== undefined && window.matchMedia(narrowQuery).matches) {
      backRef.current?.focus();
    }
  }, [shownCardId]);

  const click = (cardId: CardId, gesture: SelectGesture) => {
    setChosen((current) => selectionAfter(current, cardId, gesture, listedIds));
    if (gesture === 'only') setShownCardId(cardId);
  };
  const toggle = (cardId: CardId) =>
    setChosen((current) => selectionAfter(current, cardId, 'toggle', listedIds));

  return (
    <div className="page browse">
      <h1>Browse</h1>
      <BrowseFilters query={query} decks={catalog.decks} onChange={onQueryChange} />
      <div className="browse-selection">
        <p role="status">
          {listed.length === catalog.cards.length
            ? plural(catalog.cards.length, 'card')
            : `${plural(listed.length, 'card')} of ${formatCount(catalog.cards.length)} match`}
          {selection.cardIds.size > 0 && `, ${formatCount(selection.cardIds.size)} selected`}
          {catalog.decksLoading > 0 && `; loading ${plural(catalog.decksLoading, 'more deck')}…`}
        </p>
        {listed.length > 0 && selection.cardIds.size < listed.length && (
          <button
            type="button"
            className="button"
            onClick={() => setChosen({ cardIds: new Set(listedIds) })}
          >
            Select all {formatCount(listed.length)} matching
          </button>
        )}
        {selection.cardIds.size > 0 && (
          <button type="button" className="button" onClick={() => setChosen(emptySelection)}>
            Clear selection
          </button>
        )}
      </div>
      <SelectionActions cardIds={selection.cardIds} controls={controls} />
      <div className={`browse-layout${shown ? ' showing-detail' : ''}`}>
        <div className="browse-list-pane">
          {listed.length === 0 ? (
            <p className="empty">No card matches.</p>
          ) : (
            <CardList
              cards={listed}
              states={states}
              controls={controls}
              notes={notes}
              nowMillis={nowMillis}
              selected={selection.cardIds}
              shownCardId={shownCardId}
              onClick={click}
              onToggle={toggle}
            />
          )}
        </div>
        {shown && (
          <div className="browse-detail-pane">
            <button
              ref={backRef}
              type="button"
              className="button browse-back"
              onClick={() => setShownCardId(undefined)}
            >
              Back to the list
            </button>
            <CardDetail card={shown} decks={catalog.decks} nowMillis={nowMillis} />
          </div>
        )}
      </div>
    </div>
  );
}
