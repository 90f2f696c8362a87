// One shape for every check of untrusted data: stored records, backup files, deck sources and
// imported decks. Storage outlives code and files come from anywhere, so a check says why it
// failed instead of throwing; callers that must refuse turn the reason into their own error.

/** A value that passed its checks, or the reason it did not. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** A failed check inside `parse`: it never leaves `parse`, which returns its message as the reason. */
export class Invalid extends Error {}

/**
 * Runs a check written as straight-line reads that throw `Invalid` on the first problem; any other
 * error is a bug and travels on.
 */
export function parse<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A record's fields, as untrusted input holds them. */
export type Fields = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text that is not empty. */
export const isText = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/**
 * A value as a reason can quote it: numbers as they are (JSON shows Infinity and NaN as null),
 * anything else as JSON cut to `maxLength`, never throwing on what JSON cannot hold.
 */
export function shown(value: unknown, maxLength = 60): string {
  if (typeof value === 'number') return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= typeof value;
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
