import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, useRef } from 'react';
import type { BrowseCard } from '../../browse/browse-catalog';
import type { SelectGesture } from '../../browse/card-selection';
import type { CardControls, TopicNote } from '../../domain/card-controls';
import type { CardId, TopicId } from '../../domain/ids';
import type { CardState } from '../../domain/progress';
import { controlLabels } from './card-detail';

/** Every row is one line of front text over one line of detail: a fixed height needs no measuring. */
const rowHeightPx = 60;

const phaseLabels = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
} as const;

function gestureOf(event: MouseEvent): SelectGesture {
  if (event.shiftKey) return 'range';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'only';
}

function rowDetail(
  card: BrowseCard,
  state: CardState | undefined,
  labels: readonly string[],
  note: string | undefined,
): string {
  const parts = [card.topicTitle, card.kind, phaseLabels[state?.phase ?? 'new'], ...labels];
  if (state && state.phase !== 'new') {
    parts.push(`due ${new Date(state.dueAtMillis).toLocaleDateString()}`);
  }
  if (note) parts.push(`Note: ${note}`);
  return parts.join(' · ');
}

/**
 * The matching cards as a list that renders only the rows in view (TanStack Virtual), so that
 * 100,000 cards scroll as smoothly as 100. Each row tells its place in the whole list.
 */
export function CardList({
  cards,
  states,
  controls,
  notes,
  nowMillis,
  selected,
  shownCardId,
  onClick,
  onToggle,
}: {
  cards: readonly BrowseCard[];
  states: ReadonlyMap<CardId, CardState>;
  controls: ReadonlyMap<CardId, CardControls>;
  notes: ReadonlyMap<TopicId, TopicNote>;
  nowMillis: number;
  selected: ReadonlySet<CardId>;
  shownCardId: CardId | undefined;
  onClick: (cardId: CardId, gesture: SelectGesture) => void;
  onToggle: (cardId: CardId) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 10,
    getItemKey: (index) => cards[index]?.cardId ?? index,
  });
  return (
    <div ref={scrollRef} className="browse-list">
      <ul aria-label="Cards" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const card = cards[row.index];
          if (!card) return null;
          const isSelected = selected.has(card.cardId);
          return (
            <li
              key={card.cardId}
              aria-setsize={cards.length}
              aria-posinset={row.index + 1}
              className={`browse-row${isSelected ? ' selected' : ''}${card.cardId === shownCardId ? ' shown' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: rowHeightPx }}
            >
              <input
                type="checkbox"
                aria-label={`Select ${card.topicTitle} (${card.kind})`}
                checked={isSelected}
                onChange={() => onToggle(card.cardId)}
              />
              <button
                type="button"
                className="browse-row-main"
                aria-current={card.cardId === shownCardId ? 'true' : undefined}
                onClick={(event) => onClick(card.cardId, gestureOf(event))}
              >
                <span className="browse-row-front">{card.front}</span>
                <span className="browse-row-detail">
                  {rowDetail(
                    card,
                    states.get(card.cardId),
                    controlLabels(controls.get(card.cardId), nowMillis),
                    notes.get(card.topicId)?.text,
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
