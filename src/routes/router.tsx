import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { RouteErrorPage } from './route-error-page';

// Every page is its own chunk: the home page does not pay for the deck page's code.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: () => import('./home-page').then((page) => page.homeRoute) },
      {
        path: 'decks/:deckId',
        lazy: () => import('./deck-page').then((page) => page.deckRoute),
      },
      {
        path: 'decks/:deckId/study',
        lazy: () => import('./study-page').then((page) => page.studyRoute),
      },
      {
        path: 'decks/:deckId/quiz',
        lazy: () => import('./quiz-page').then((page) => page.quizRoute),
      },
      { path: 'study', lazy: () => import('./study-page').then((page) => page.studyRoute) },
      { path: 'stats', lazy: () => import('./stats-page').then((page) => page.statsRoute) },
      {
        path: 'settings',
        lazy: () => import('./settings-page').then((page) => page.settingsRoute),
      },
      { path: '*', lazy: () => import('./not-found-page').then((page) => page.notFoundRoute) },
    ],
  },
]);
