import { useEffect } from 'react';
import { NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router-dom';
import { useProgress } from '../stores/progress-store';
import { UpdatePrompt } from '../ui/update-prompt';

export function AppLayout() {
  const navigation = useNavigation();
  const init = useProgress((state) => state.init);
  useEffect(() => {
    void init();
  }, [init]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Recallmap
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Decks
          </NavLink>
          <NavLink to="/stats">Statistics</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
      </header>
      <StorageNotices />
      <UpdatePrompt />
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}

function StorageNotices() {
  const ready = useProgress((state) => state.ready);
  const persistent = useProgress((state) => state.persistent);
  const problem = useProgress((state) => state.storageProblem);
  const corrupt = useProgress((state) => state.corrupt);
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
    </>
  );
}
