import type { CardId } from '../domain/ids';

/**
 * The decks of a session with each card id kept only in the first deck that holds it: a card two
 * decks share (an imported copy of a bundled deck keeps its node ids) is one card, shown and
 * counted once, within the first deck's daily limits. Decks with nothing repeated come back as
 * they are; run it once per session, not per card, as it walks every id.
 */
export function distinctSessionCards(decks: readonly (readonly CardId[])[]): (readonly CardId[])[] {
  if (decks.length < 2) return [...decks];
  const seen = new Set<CardId>();
  return decks.map((studyCardIds) => unseenIn(studyCardIds, seen));
}

/**
 * The same, one deck per task (`nextTask` starts each), each deck's ids read (`idsOf`) in its own
 * task, none in the caller's: at 100,000 cards, walked in one go in the study page's render, it
 * held input for 60 to 110 ms, and a bundled deck's ids are parsed when first read.
 */
export async function distinctSessionCardsInTasks<Deck>(
  decks: readonly Deck[],
  idsOf: (deck: Deck) => readonly CardId[],
  nextTask: () => Promise<void>,
): Promise<(readonly CardId[])[]> {
  const seen = new Set<CardId>();
  const distinct: (readonly CardId[])[] = [];
  for (const deck of decks) {
    await nextTask();
    const studyCardIds = idsOf(deck);
    distinct.push(decks.length < 2 ? studyCardIds : unseenIn(studyCardIds, seen));
  }
  return distinct;
}

/** The deck's ids not `seen` in an earlier deck, all of them added to `seen`. */
function unseenIn(studyCardIds: readonly CardId[], seen: Set<CardId>): readonly CardId[] {
  // Most decks share nothing: a copy is made only from the first repeated id on.
  let kept: CardId[] | undefined;
  for (let index = 0; index < studyCardIds.length; index += 1) {
    const id = studyCardIds[index];
    if (id === undefined) continue;
    const sizeBefore = seen.size;
    seen.add(id);
    const repeated = seen.size === sizeBefore;
    if (repeated && kept === undefined) kept = studyCardIds.slice(0, index);
    else if (!repeated && kept !== undefined) kept.push(id);
  }
  return kept ?? studyCardIds;
}
