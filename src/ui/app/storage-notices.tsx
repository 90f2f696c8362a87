import { type ReactNode, useEffect } from 'react';
import { needsBackupReminder } from '../../backup/backup-reminder';
import { useAppStore } from '../common/app-store';
import { useNow } from '../common/use-now';

interface StorageNoticesProps {
  /** The page shown. */
  readonly pathname: string;
  /** The link to export a backup, given by the layout: no router code in this chunk. */
  readonly exportLink: ReactNode;
}

/**
 * What the learner should know about where progress is kept: shown once it has loaded. Its chunk
 * holds no router code, which the bundler would otherwise split out of the entry chunk.
 */
export function StorageNotices({ pathname, exportLink }: StorageNoticesProps) {
  const persistent = useAppStore((state) => state.persistent);
  const problem = useAppStore((state) => state.storageProblem);
  const corrupt = useAppStore((state) => state.corrupt);
  return (
    <>
      {!persistent && (
        <div className="banner warning" role="alert">
          <strong>Progress will not be saved.</strong> This browser would not open its database
          {problem ? ` (${problem})` : ''}, so reviews last only until this tab closes.
        </div>
      )}
      {corrupt.length > 0 && (
        <div className="banner warning" role="status">
          {corrupt.length === 1
            ? '1 stored record was damaged and has been set aside'
            : `${corrupt.length} stored records were damaged and have been set aside`}
          : {corrupt[0]?.reason}. Everything else works as before.
        </div>
      )}
      <BackupReminder pathname={pathname} exportLink={exportLink} />
    </>
  );
}

/** Study and quiz screens: a reminder there would only push the card down. */
const focusedScreenPath = /^\/(study|decks\/[^/]+\/(study|quiz))\/?$/;

/**
 * A gentle nudge, no live region: nothing happened that needs announcing. A landmark of its own,
 * so that it is found outside the page's main content. Short, so that it takes a line or two of
 * a phone's screen.
 */
function BackupReminder({ pathname, exportLink }: StorageNoticesProps) {
  const nowMillis = useNow(60_000);
  const persistent = useAppStore((state) => state.persistent);
  const lastExportMillis = useAppStore((state) => state.lastBackupExportMillis);
  const readLastBackupExport = useAppStore((state) => state.readLastBackupExport);
  // In a task of its own: a page's first use of localStorage takes 15 ms or so.
  useEffect(() => {
    const timer = setTimeout(readLastBackupExport);
    return () => clearTimeout(timer);
  }, [readLastBackupExport]);
  const show = useAppStore(
    (state) =>
      state.lastBackupExportRead &&
      needsBackupReminder({
        persistent: state.persistent,
        persistenceGrant: state.persistenceGrant,
        totalReviews: state.totalReviews,
        reviewDays: state.reviewsByDay.size,
        lastExportMillis: state.lastBackupExportMillis,
        nowMillis,
      }),
  );
  if (!show || focusedScreenPath.test(pathname)) return null;
  return (
    <aside className="banner info" aria-label="Backup reminder">
      <strong>
        {lastExportMillis === undefined ? 'No backup yet.' : 'Last backup over 30 days ago.'}
      </strong>{' '}
      {persistent
        ? 'This browser may clear your progress: '
        : 'Your progress lives in this tab only: '}
      {exportLink}
    </aside>
  );
}
