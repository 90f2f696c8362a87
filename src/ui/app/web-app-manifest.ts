/** The web app manifest vite-plugin-pwa writes, which lets the browser install the app. */
const webAppManifestHref = `${import.meta.env.BASE_URL}manifest.webmanifest`;

/**
 * Links the manifest from the page. Done once the page has loaded rather than in index.html: there
 * the link cost a cold start two requests (the manifest and an icon) and about 25 ms of the
 * browser's main thread before the first frame. The build takes vite-plugin-pwa's link out of
 * index.html (scripts/build/vite-plugin-deferred-manifest.ts).
 */
export function linkWebAppManifest(): void {
  // Only the build writes one.
  if (!import.meta.env.PROD) return;
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = Object.assign(document.createElement('link'), {
    rel: 'manifest',
    href: webAppManifestHref,
  });
  document.head.append(link);
}
