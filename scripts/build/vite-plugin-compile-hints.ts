import type { Plugin } from 'vite';

// V8 compiles a function the first time it is called, on the main thread, and keeps in a script's
// code cache only what was compiled by then. The entry chunk's functions, React DOM's above all,
// are first called in the first render, after the cache is made, so each start compiled them
// again: 68 of the 142 ms of the statistics page's first render at 100,000 cards. This comment at
// the top of a script asks V8 to compile all of its functions as it loads the script, off the main
// thread while it streams, and so to keep them all in the cache.
// https://v8.dev/blog/explicit-compile-hints

const allFunctionsCalledOnLoad = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the hint at the top of the entry chunk and of the chunks named in `chunkNames`. After every
 * other plugin: Vite's preload helper writes its own first line into a chunk as the bundle is
 * generated. Each source map gains an empty first line to match.
 */
export function compileHints(chunkNames: readonly string[] = []): Plugin {
  return {
    name: 'recallmap-compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !(chunk.isEntry || chunkNames.includes(chunk.name)))
            continue;
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
