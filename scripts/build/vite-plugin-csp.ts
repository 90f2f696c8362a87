import type { Plugin } from 'vite';

/**
 * Deck files, imported decks and backups are untrusted, so the built app allows no inline script
 * and no script from anywhere but itself. Only the production build gets it: the development
 * server needs an inline script for hot reloading.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Sync reaches the learner's CouchDB: over https anywhere, over http only on this computer.
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'recallmap-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}
