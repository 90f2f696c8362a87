import { createRequire } from 'node:module';
import path from 'node:path';

// react-router's package exports point every bundler at its development build, which keeps
// warnings and checks for developers; the production build beside it leaves them out. The app's
// build takes that one (the tests keep the development build and its warnings).
const productionDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist',
  'production',
);

export const reactRouterProductionAlias = [
  { find: /^react-router$/, replacement: path.join(productionDirectory, 'index.mjs') },
  { find: /^react-router\/dom$/, replacement: path.join(productionDirectory, 'dom-export.mjs') },
];
