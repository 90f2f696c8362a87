import { Suspense } from 'react';
import { matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router-dom';
import { RouteErrorBoundary } from '../ui/app/route-error-boundary';
import {
  ChunkComponent,
  type ComponentChunk,
  componentChunk,
  type NoProps,
} from '../ui/common/component-chunk';
import { AppLayout } from './app-layout';
import HomePage from './home-page';

// The home page is part of the entry chunk: it is the first screen, and its own chunk cost more
// in per-chunk overhead than it saved deep links. Every other page is its own chunk, so `/` does
// not pay for the study, quiz or statistics code. A route table for `useRoutes` rather than the
// data router: the data router alone would add about 20 KB (gzipped) to every start-up, and pages
// load their decks themselves. A deep link's page that suspends at start-up would keep the
// Suspense fallback on screen for at least 300 ms after its chunk arrives, so `main.tsx` fetches
// the first page's chunk before the first render.
const studyPage = componentChunk(() => import('./study-page'));

/** A route, and the chunk of its page unless the page is in the entry chunk. */
type AppRoute = RouteObject & { readonly chunk?: PageChunk };
type PageChunk = ComponentChunk<NoProps>;

const chunked = (path: string, chunk: PageChunk): AppRoute => ({
  path,
  chunk,
  element: <ChunkComponent chunk={chunk} props={{}} />,
});

const appRoutes: AppRoute[] = [
  { index: true, element: <HomePage /> },
  chunked(
    'decks/:deckId',
    componentChunk(() => import('./deck-page')),
  ),
  chunked('decks/:deckId/study', studyPage),
  chunked(
    'decks/:deckId/quiz',
    componentChunk(() => import('./quiz-page')),
  ),
  chunked('study', studyPage),
  chunked(
    'browse',
    componentChunk(() => import('./browse-page')),
  ),
  chunked(
    'stats',
    componentChunk(() => import('./stats-page')),
  ),
  chunked(
    'settings',
    componentChunk(() => import('./settings-page')),
  ),
  chunked(
    '*',
    componentChunk(() => import('./not-found-page')),
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
