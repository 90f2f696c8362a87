import type { Plugin } from 'vite';

// react-router's production build still names its contexts and components for React DevTools
// (`Link.displayName = "Link"`, sixteen in all). The names are for a developer's tools, not a
// learner's browser, and cost the first screen 118 bytes gzipped; the build drops them.

const displayNameAssignment = /^[ \t]*[\w$]+\.displayName = "[\w.]+";$/gm;

export function dropRouterDisplayNames(): Plugin {
  return {
    name: 'recallmap-drop-router-display-names',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]react-router[\\/]dist[\\/]production[\\/]/ },
      handler(code) {
        const slimmer = code.replace(displayNameAssignment, '');
        return slimmer === code ? undefined : { code: slimmer, map: null };
      },
    },
  };
}
