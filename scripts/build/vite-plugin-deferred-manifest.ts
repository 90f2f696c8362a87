import type { Plugin } from 'vite';

/**
 * Takes vite-plugin-pwa's `<link rel="manifest">` out of index.html: the app links the manifest
 * itself once the page has loaded (src/ui/app/web-app-manifest.ts), at the same address. A link
 * of another form or address fails the build, so that the two never drift apart unseen. Listed
 * after vite-plugin-pwa in vite.config.ts: both run last, in that order.
 */
export function deferredManifest(): Plugin {
  let link = '';
  return {
    name: 'recallmap-deferred-manifest',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      link = `<link rel="manifest" href="${config.base}manifest.webmanifest">`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(link)) throw new Error(`deferred manifest: index.html has no ${link}`);
        return html.replace(link, '');
      },
    },
  };
}
