import type { ProgressEvent } from '../domain/progress';
import type { ProgressRepository } from '../storage/progress-repository';

/**
 * Merges events from the server as a backup's are merged. A batch is one transaction, refused
 * whole when one event clashes with the log (its id already names another card's event); then
 * each event is merged alone, so the clash alone is left out. A failed write is no clash: it
 * rejects, and the run stops before its checkpoint moves, so the events come again.
 */
export async function mergeArrivedEvents(
  repository: ProgressRepository,
  events: readonly ProgressEvent[],
): Promise<{ added: number; refused: ProgressEvent[] }> {
  try {
    return { added: (await repository.mergeEvents(events)).addedEvents, refused: [] };
  } catch (error) {
    if (error instanceof DOMException) throw error;
    let added = 0;
    const refused: ProgressEvent[] = [];
    for (const event of events) {
      try {
        added += (await repository.mergeEvents([event])).addedEvents;
      } catch (eventError) {
        if (eventError instanceof DOMException) throw eventError;
        refused.push(event);
      }
    }
    return { added, refused };
  }
}
