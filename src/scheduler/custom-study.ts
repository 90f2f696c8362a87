// Custom study as a page address holds it (`/decks/:deckId/study?custom=review-ahead&days=3`),
// so that a reload or a bookmark studies the same again.

/** The ways of studying outside the day's schedule; practice records nothing. */
export type CustomStudy =
  | { readonly kind: 'review-ahead'; readonly days: number }
  | { readonly kind: 'forgotten-today' }
  | { readonly kind: 'practise-missed'; readonly days: number }
  | { readonly kind: 'practise-flagged' };

export const customStudyDaysRange = { min: 1, max: 365 } as const;

function daysOf(params: URLSearchParams): number | undefined {
  const days = Number(params.get('days'));
  const { min, max } = customStudyDaysRange;
  return Number.isInteger(days) && days >= min && days <= max ? days : undefined;
}

/** The custom study a page's search asks for; undefined for the day's own schedule. */
export function parseCustomStudy(search: string): CustomStudy | undefined {
  const params = new URLSearchParams(search);
  const kind = params.get('custom');
  const days = daysOf(params);
  if (kind === 'forgotten-today' || kind === 'practise-flagged') return { kind };
  if ((kind === 'review-ahead' || kind === 'practise-missed') && days !== undefined) {
    return { kind, days };
  }
  return undefined;
}
