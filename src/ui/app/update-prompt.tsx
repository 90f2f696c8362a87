import { useEffect, useState } from 'react';
import { watchServiceWorkerUpdates } from './service-worker-updates';
import { linkWebAppManifest } from './web-app-manifest';

/**
 * Offers a new version once its service worker is waiting. Never reloads by itself: the learner
 * chooses when, so no session is cut short. Also links the web app manifest: rendered once the
 * page has loaded, it starts what makes the app installable.
 */
export function UpdatePrompt() {
  const [activate, setActivate] = useState<(() => void) | undefined>();
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    // The manifest with the worker: both make the app installable, neither is on the first screen.
    linkWebAppManifest();
    watchServiceWorkerUpdates((next) => setActivate(() => next));
  }, []);
  if (!activate || dismissed) return null;
  return (
    <div className="banner info" role="status">
      A new version of Recallmap is ready.{' '}
      <button type="button" className="button" onClick={activate}>
        Reload
      </button>{' '}
      <button type="button" className="button subtle-inline" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  );
}
