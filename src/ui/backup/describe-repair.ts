import type { RepairReport } from '../../storage/progress-repository';
import { formatCount } from '../common/format-count';
import { plural } from '../common/plural';

/**
 * What Check and repair did, in one sentence: "Checked 1,234 reviews of 56 cards: rebuilt the
 * total (was 6, now 7), 1 day count, no card states." or "…: everything was in order."
 */
export function describeRepair(report: RepairReport): string {
  const checked = `Checked ${plural(report.checkedReviews, 'review')} of ${plural(report.checkedCards, 'card')}`;
  const { rebuiltTotal } = report;
  const rebuilt = [
    rebuiltTotal &&
      `the total (was ${rebuiltTotal.was === undefined ? 'missing' : formatCount(rebuiltTotal.was)}, now ${formatCount(rebuiltTotal.now)})`,
    report.rebuiltDayCounts > 0 && plural(report.rebuiltDayCounts, 'day count'),
    report.rebuiltCardStates > 0 && plural(report.rebuiltCardStates, 'card state'),
    report.restampedSchemaVersion && 'the schema version',
  ].filter((part): part is string => typeof part === 'string');
  if (rebuilt.length === 0) return `${checked}: everything was in order.`;
  return `${checked}: rebuilt ${rebuilt.join(', ')}.`;
}
