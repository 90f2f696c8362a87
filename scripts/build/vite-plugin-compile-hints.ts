import type { Plugin } from 'vite';

// V8 compiles a function the first time it is called, on the main thread, and keeps in a script's
// code cache only what was compiled by then. This comment at the top of a script asks V8 to
// compile all of its functions as it loads the script, off the main thread while it streams, and
// so to keep them all in the cache. It pays for a chunk whose functions nearly all run in its
// page's first render. The entry chunk does not carry it: most of React DOM never runs at start,
// and on a new profile the entry could not run until all of it was compiled (in an interleaved
// run of 24 cold first cards, the hint on the entry cost 40 ms of CPU time and put
// DOMContentLoaded 43 ms later). On the profiles of 100,000 cards, the start-up and statistics
// figures with and without it differed by less than the machine's noise.
// https://v8.dev/blog/explicit-compile-hints

const allFunctionsCalledOnLoad = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the hint at the top of the chunks named in `chunkNames`. After every other plugin: Vite's
 * preload helper writes its own first line into a chunk as the bundle is generated. Each source
 * map gains an empty first line to match.
 */
export function compileHints(chunkNames: readonly string[]): Plugin {
  return {
    name: 'recallmap-compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunkNames.includes(chunk.name)) continue;
          chunk.code = allFunctionsCalledOnLoad + chunk.code;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const parsed = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
          }
        }
      },
    },
  };
}
