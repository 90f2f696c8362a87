import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { withSync } from '../stores/sync-loader';
import { BrandMark } from '../ui/app/brand-mark';
import { usePageLoaded } from '../ui/app/page-loaded';
import { useAppStore, useAppStoreApi } from '../ui/common/app-store';

// Nothing to show until a new version has installed, after the page's load event at the earliest:
// rendered from then on, and never in the first render, so that its lazy import, which adds links
// for its chunk, is no part of the first screen.
const UpdatePrompt = lazy(() =>
  import('../ui/app/update-prompt').then(({ UpdatePrompt }) => ({ default: UpdatePrompt })),
);

// Shown only once progress is loaded, so loaded then, beside the first screen rather than in it.
const StorageNotices = lazy(() =>
  import('../ui/app/storage-notices').then(({ StorageNotices }) => ({ default: StorageNotices })),
);

export function AppLayout({ children }: { children: ReactNode }) {
  const init = useAppStore((state) => state.init);
  const app = useAppStoreApi();
  const { pathname } = useLocation();
  const ready = useAppStore((state) => state.ready);
  const pageLoaded = usePageLoaded();
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
          <BrandMark />
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
      <Suspense>
        {ready && (
          <StorageNotices
            pathname={pathname}
            // The link's name leaves out "Settings": the header's Settings link keeps a unique name.
            exportLink={<Link to="/settings">Export a backup</Link>}
          />
        )}
        {pageLoaded && <UpdatePrompt />}
      </Suspense>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

const inDecks = (pathname: string) =>
  pathname === '/' || pathname === '/study' || pathname.startsWith('/decks/');
