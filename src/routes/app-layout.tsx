import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { needsBackupReminder } from '../backup/backup-reminder';
import { withSync } from '../stores/sync-loader';
import { useAppStore, useAppStoreApi } from '../ui/common/app-store';
import { useNow } from '../ui/common/use-now';

// Nothing to show until a new version has installed, after the page's load event at the earliest:
// its code, the service worker's registration with it, loads after the first screen.
const UpdatePrompt = lazy(() =>
  import('../ui/app/update-prompt').then(({ UpdatePrompt }) => ({ default: UpdatePrompt })),
);

export function AppLayout({ children }: { children: ReactNode }) {
  const init = useAppStore((state) => state.init);
  const app = useAppStoreApi();
  const { pathname } = useLocation();
  useEffect(() => {
    // Sync, when set up, starts once progress is open: never on the first screen's path.
    void init().then(() => withSync(app, (sync) => sync.start()));
  }, [init, app]);
  // A new page starts at its top, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Recallmap
        </Link>
        <nav aria-label="Main">
          {/* A deck's own pages, study and quiz included, belong to the Decks section. */}
          <Link to="/" aria-current={inDecks(pathname) ? 'page' : undefined}>
            Decks
          </Link>
          <NavLink to="/browse">Browse</NavLink>
          <NavLink to="/stats">Statistics</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
      </header>
      <StorageNotices />
      <Suspense>
        <UpdatePrompt />
      </Suspense>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

const inDecks = (pathname: string) =>
  pathname === '/' || pathname === '/study' || pathname.startsWith('/decks/');

function StorageNotices() {
  const ready = useAppStore((state) => state.ready);
  const persistent = useAppStore((state) => state.persistent);
  const problem = useAppStore((state) => state.storageProblem);
  const corrupt = useAppStore((state) => state.corrupt);
  if (!ready) return null;
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
      <BackupReminder />
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
function BackupReminder() {
  const nowMillis = useNow(60_000);
  const { pathname } = useLocation();
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
      {/* The link's name leaves out "Settings": the header's Settings link keeps a unique name. */}
      <Link to="/settings">Export a backup</Link>
    </aside>
  );
}
