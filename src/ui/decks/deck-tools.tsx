import type { Deck } from '../../domain/deck';
import { CardActions } from '../common/card-actions';
import { plural } from '../common/plural';
import { DeckOptionsForm } from './deck-options-form';

/** Actions on every card of the deck, and the deck's own options, folded away until wanted. */
export function DeckTools({ deck }: { deck: Deck }) {
  const cardIds = deck.cards.map((card) => card.id);
  return (
    <>
      <details className="deck-tools">
        <summary>All {plural(cardIds.length, 'card')} of this deck</summary>
        <CardActions cardIds={cardIds} />
      </details>
      <details className="deck-tools">
        <summary>Deck options</summary>
        <DeckOptionsForm deckId={deck.id} deckTitle={deck.title} />
      </details>
    </>
  );
}
