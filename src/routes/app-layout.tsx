import { NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router-dom';

export function AppLayout() {
  const navigation = useNavigation();
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
        </nav>
      </header>
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}
