import type { ProgressEvent } from '../domain/progress';
import type { Parsed } from '../domain/validation/parsed';
import { parseProgressEvent } from '../domain/validation/progress-event';
import { keyPart } from './store-keys';

// Apart from the other stored records' checks: only reads of the log need it, and start-up reads
// no event, so the event checks stay off the first screen.

/** A stored event, checked against the card and the id its key names. */
export function parseEventAt(value: unknown, key: IDBValidKey): Parsed<ProgressEvent> {
  const id = keyPart(key, 1);
  const parsed =
    id === undefined
      ? ({ ok: false, reason: 'the key names no card' } as const)
      : parseProgressEvent(value, id);
  if (parsed.ok && keyPart(key, 2) !== parsed.value.id) {
    return { ok: false, reason: `id ${parsed.value.id} does not match its key` };
  }
  return parsed;
}
