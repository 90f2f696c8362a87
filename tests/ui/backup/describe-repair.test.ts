import { describe, expect, it } from 'vitest';
import type { RepairReport } from '../../../src/storage/progress-repository';
import { describeRepair } from '../../../src/ui/backup/describe-repair';

const inOrder: RepairReport = {
  checkedReviews: 1234,
  checkedCards: 56,
  rebuiltCardStates: 0,
  rebuiltDayCounts: 0,
  rebuiltTotal: undefined,
  restampedSchemaVersion: false,
};

describe('describeRepair', () => {
  it('says everything was in order when nothing was rewritten', () => {
    expect(describeRepair(inOrder)).toBe(
      'Checked 1,234 reviews of 56 cards: everything was in order.',
    );
  });

  it('names each kind of record it rebuilt, with the old and new total', () => {
    expect(
      describeRepair({
        ...inOrder,
        rebuiltTotal: { was: 6, now: 7 },
        rebuiltDayCounts: 1,
        rebuiltCardStates: 3,
        restampedSchemaVersion: true,
      }),
    ).toBe(
      'Checked 1,234 reviews of 56 cards: rebuilt the total (was 6, now 7), 1 day count, 3 card states, the schema version.',
    );
    expect(
      describeRepair({
        ...inOrder,
        checkedReviews: 1,
        checkedCards: 1,
        rebuiltTotal: { was: undefined, now: 1 },
      }),
    ).toBe('Checked 1 review of 1 card: rebuilt the total (was missing, now 1).');
  });
});
