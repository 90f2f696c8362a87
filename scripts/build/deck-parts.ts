import type { Deck } from '../../src/domain/deck.ts';

// A bundled deck is fetched when a page needs it, and the browser reads and parses a fetched
// file's JSON on the page's main thread, each file in one task. A deck of 7,000 cards is 6.4 MB:
// one read of 155 ms and one parse of 217 ms, during which the page answers nothing. A large deck
// is therefore written as parts of about `deckPartChars` each, fetched together and joined again.

/** The deck's lists that are cut into parts; each part holds a run of each, in order. */
const partedLists = ['topics', 'cards', 'quiz'] as const;

/** Decks whose JSON is longer are written in parts of about this many characters. */
const deckPartChars = 500_000;

type PartedList = (typeof partedLists)[number];

/** The first part: the whole deck with the first run of each parted list. */
export type FirstDeckPart = Deck;
/** Every later part: the next run of each parted list. */
export type DeckPart = Pick<Deck, PartedList>;

/**
 * `deck` as the JSON texts of its parts: one when it is short, else as many as its length needs,
 * each list cut into that many runs of (nearly) equal counts. `joinDeckParts` gives it back.
 */
export function deckPartTexts(deck: Deck, partChars = deckPartChars): string[] {
  const whole = JSON.stringify(deck);
  const count = Math.ceil(whole.length / partChars);
  if (count <= 1) return [whole];
  const runOf = (list: readonly unknown[], part: number) =>
    list.slice(
      Math.round((list.length * part) / count),
      Math.round((list.length * (part + 1)) / count),
    );
  return Array.from({ length: count }, (_, part) => {
    const runs = Object.fromEntries(partedLists.map((name) => [name, runOf(deck[name], part)]));
    return JSON.stringify(part === 0 ? { ...deck, ...runs } : runs);
  });
}

/**
 * The deck that `deckPartTexts` cut, from its parts parsed, in order; `lists` are `partedLists`.
 * The build writes this function's text into the bundled decks' module (`joinDeckPartsSource`),
 * so it refers to nothing outside itself.
 */
function joinDeckParts(
  lists: readonly PartedList[],
  first: FirstDeckPart,
  ...rest: DeckPart[]
): Deck {
  const joined = lists.map((name) => [
    name,
    [first[name], ...rest.map((part) => part[name])].flat(),
  ]);
  return { ...first, ...Object.fromEntries(joined) };
}

/** `joinDeckParts` as a browser runs it, with the lists bound: `joinDeckParts(first, ...rest)`. */
export const joinDeckPartsSource = `const joinDeckParts = (${joinDeckParts.toString()}).bind(null, ${JSON.stringify(partedLists)});`;
