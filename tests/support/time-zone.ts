import { afterAll, beforeAll, describe } from 'vitest';

/**
 * Runs the enclosing suite (or file) with the process in this time zone, and restores the one it
 * had after. Node re-reads TZ whenever it is assigned, so local-time code sees the zone at once.
 */
export function inTimeZone(zone: string): void {
  const previous = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

/** A `describe` block named for its zone, whose tests run in it. */
export function describeInTimeZone(zone: string, block: () => void): void {
  describe(`in ${zone}`, () => {
    inTimeZone(zone);
    block();
  });
}
