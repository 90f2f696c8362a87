import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { RouteErrorBoundary } from '../ui/app/route-error-boundary';
import { AppLayout } from './app-layout';
import HomePage from './home-page';

// The home page is part of the entry chunk: it is the first screen, and its own chunk cost more
// in per-chunk overhead than it saved deep links. Every other page is its own chunk, so `/` does
// not pay for the study, quiz or statistics code. Declarative routes rather than the data router:
// the data router alone would add about 20 KB (gzipped) to every start-up, and pages load their
// decks themselves.
const DeckPage = lazy(() => import('./deck-page'));
const StudyPage = lazy(() => import('./study-page'));
const QuizPage = lazy(() => import('./quiz-page'));
const BrowsePage = lazy(() => import('./browse-page'));
const StatsPage = lazy(() => import('./stats-page'));
const SettingsPage = lazy(() => import('./settings-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

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
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="decks/:deckId" element={<DeckPage />} />
      <Route path="decks/:deckId/study" element={<StudyPage />} />
      <Route path="decks/:deckId/quiz" element={<QuizPage />} />
      <Route path="study" element={<StudyPage />} />
      <Route path="browse" element={<BrowsePage />} />
      <Route path="stats" element={<StatsPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
