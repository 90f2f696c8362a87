import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes, deckStudiedAt, preloadPageAt } from './routes/app-routes';
import './ui/app/app.css';
// A study page's stylesheets are the entry's too: a deck's study page opened cold would otherwise
// wait for them after the entry has run.
import './ui/common/session-controls.css';
import './ui/study/rating-buttons.css';
import './ui/study/study-keys-dialog.css';
import './ui/study/study-session.css';
import { appStore } from './ui/common/app-store';

// The deck list and stored progress start loading now, while React renders the first screen,
// rather than from the pages' effects after it. The list first: IndexedDB answers an origin's
// requests in turn, and a large store's card states take a few hundred milliseconds to read.
void appStore
  .getState()
  .loadSummaries()
  .catch(() => undefined);
void appStore.getState().init();

// A deck's study page fetches its deck now too, beside its chunk and stored progress; a failure
// here is left to the page, which loads it again and says why.
const studiedDeck = deckStudiedAt(location.pathname);
if (studiedDeck) {
  appStore
    .getState()
    .loadDeck(studiedDeck)
    .catch(() => undefined);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const renderApp = () =>
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </StrictMode>,
  );

// A deep link renders once its page's chunk is in, so that the page shows without suspending; a
// chunk that fails to load makes the page suspend and its error boundary say so, as later on.
// While stored progress is still being read, the first render goes in slices (a transition), so
// that the reads' replies and input are answered between them: at 100,000 cards it held the
// main thread for about 100 ms in one task. Once progress is in (a new profile's, as a rule) nothing
// waits on the main thread, and slices would only delay the first screen: on a cold deep link to a
// deck's study page, by 66 ms in an interleaved run. So the first render also waits until it is
// known whether there is progress to read: on a new profile the browser's listing of databases
// that tells can come after the page's chunk. Nothing in the first render may suspend: a
// transition shows nothing until what it waits for is in.
const pageLoading = (preloadPageAt(location.pathname) ?? Promise.resolve()).catch(() => undefined);
void Promise.all([pageLoading, appStore.getState().snapshotSourceKnown()]).then(() =>
  appStore.getState().ready ? renderApp() : startTransition(renderApp),
);
