import { afterLoad } from './page-loaded';

/**
 * Registers the service worker (vite-plugin-pwa's, precaching every page and deck) and calls
 * `onWaiting` when a new version has installed and waits, with the function that switches to it.
 *
 * This is what workbox-window did for the app, in the few lines it needs: that library was 2.7 KB
 * of the first screen's 100 KB budget. The generated worker takes `SKIP_WAITING` messages.
 */
export function watchServiceWorkerUpdates(onWaiting: (activate: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const offer = (worker: ServiceWorker) =>
    onWaiting(() => {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      worker.postMessage({ type: 'SKIP_WAITING' });
    });

  const register = async () => {
    const registration = await navigator.serviceWorker.register(
      `${import.meta.env.BASE_URL}sw.js`,
      { scope: import.meta.env.BASE_URL },
    );
    // Installed during an earlier visit and still waiting: offer it now. Without a controller
    // this is the first install, and the page already runs this version.
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) {
          offer(installing);
        }
      });
    });
  };
  const registerReportingFailure = () =>
    register().catch((error: unknown) => {
      // The app works without it, only not offline; the console says why for whoever debugs.
      console.warn('Recallmap could not register its service worker:', error);
    });
  // After the load event, so that precaching does not compete with the page's own requests.
  afterLoad(() => void registerReportingFailure());
}
