/**
 * What replaces a masked term in a recall card, a quiz prompt or an option: one blank. The compile
 * JSON keeps it as five underscores, readable in the command's output; the inline parser reads it
 * as one token before any emphasis rule, also inside code spans, and the app shows it as one
 * element that screen readers read as "blank". A run of underscores of any other length is text.
 */
export const termMask = '_____';

// The marker, not part of a longer run of underscores (a rule `______` stays text).
const maskPattern = /(?<!_)_____(?!_)/;

/** The pieces of `text` between its blanks: one more piece than there are blanks. */
export function splitAtMask(text: string): string[] {
  return text.includes(termMask) ? text.split(maskPattern) : [text];
}
