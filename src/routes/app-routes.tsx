import { Suspense } from 'react';
import { matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router-dom';
import { RouteErrorBoundary } from '../ui/app/route-error-boundary';
import { AppLayout } from './app-layout';
import HomePage from './home-page';
import { LazyPage, type PageChunk, pageChunk } from './lazy-page';

// The home page is part of the entry chunk: it is the first screen, and its own chunk cost more
// in per-chunk overhead than it saved deep links. Every other page is its own chunk, so `/` does
// not pay for the study, quiz or statistics code. A route table for `useRoutes` rather than the
// data router: the data router alone would add about 20 KB (gzipped) to every start-up, and pages
// load their decks themselves.
const studyPage = pageChunk(() => import('./study-page'));

/** A route, and the chunk of its page unless the page is in the entry chunk. */
type AppRoute = RouteObject & { readonly chunk?: PageChunk };

const chunked = (path: string, chunk: PageChunk): AppRoute => ({
  path,
  chunk,
  element: <LazyPage chunk={chunk} />,
});

const appRoutes: AppRoute[] = [
  { index: true, element: <HomePage /> },
  chunked(
    'decks/:deckId',
    pageChunk(() => import('./deck-page')),
  ),
  chunked('decks/:deckId/study', studyPage),
  chunked(
    'decks/:deckId/quiz',
    pageChunk(() => import('./quiz-page')),
  ),
  chunked('study', studyPage),
  chunked(
    'browse',
    pageChunk(() => import('./browse-page')),
  ),
  chunked(
    'stats',
    pageChunk(() => import('./stats-page')),
  ),
  chunked(
    'settings',
    pageChunk(() => import('./settings-page')),
  ),
  chunked(
    '*',
    pageChunk(() => import('./not-found-page')),
  ),
];

/** Fetches the chunk of the page at `pathname`; undefined when its page has none. */
export function preloadPageAt(pathname: string): Promise<unknown> | undefined {
  return matchRoutes(appRoutes, pathname)?.[0]?.route.chunk?.preload();
}

/**
 * The deck a deck's study page starts with, when `pathname` is one: its first card needs it, and
 * fetching it beside the page's chunk and stored progress saves waiting for it after them.
 */
export function deckStudiedAt(pathname: string): string | undefined {
  const match = matchRoutes(appRoutes, pathname)?.[0];
  return match?.route.chunk === studyPage ? match.params.deckId : undefined;
}

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <AppLayout>
      <RouteErrorBoundary key={pathname}>
        <Suspense fallback={<p className="page muted">Loading…</p>}>
          <PageRoutes />
        </Suspense>
      </RouteErrorBoundary>
    </AppLayout>
  );
}

function PageRoutes() {
  return useRoutes(appRoutes);
}
