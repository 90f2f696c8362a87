import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Offers a new version once its service worker is waiting. Never reloads by itself: the learner
 * chooses when, so no session is cut short.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="banner info" role="status">
      A new version of Recallmap is ready.{' '}
      <button type="button" className="button" onClick={() => void updateServiceWorker(true)}>
        Reload
      </button>{' '}
      <button type="button" className="button subtle-inline" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
