import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileHints } from '../../scripts/build/vite-plugin-compile-hints';

type Handler = (options: unknown, bundle: Rolldown.OutputBundle) => void;

function chunk(fileName: string, isEntry: boolean, code: string) {
  const name = fileName.replace(/^assets\/|\.js$/g, '');
  return { type: 'chunk', fileName, name, isEntry, code } as Rolldown.OutputChunk;
}

function mapOf(mappings: string) {
  return {
    type: 'asset',
    source: JSON.stringify({ version: 3, sources: ['main.tsx'], mappings }),
  } as Rolldown.OutputAsset;
}

/**
 * Runs the plugin's last step, asked to hint the `study-page` chunk, over a bundle of an
 * entry chunk and two lazy ones, with their maps.
 */
function hinted() {
  const bundle: Rolldown.OutputBundle = {
    'assets/index.js': chunk('assets/index.js', true, 'const first=1;\nrender();'),
    'assets/index.js.map': mapOf(';AAAA'),
    'assets/page.js': chunk('assets/page.js', false, 'export const page=2;'),
    'assets/page.js.map': mapOf('AAAA'),
    'assets/study-page.js': chunk('assets/study-page.js', false, 'export const s=3;'),
    'assets/study-page.js.map': mapOf('AAAA'),
  };
  const hook = compileHints(['study-page']).generateBundle as { order: string; handler: Handler };
  hook.handler({}, bundle);
  const code = (name: string) => (bundle[name] as Rolldown.OutputChunk).code;
  const mappings = (name: string) =>
    JSON.parse((bundle[name] as Rolldown.OutputAsset).source as string).mappings;
  return { hook, code, mappings };
}

describe('compile hints', () => {
  it('puts the hint on the first line of the chunks it is asked to, after every other plugin', () => {
    const { hook, code } = hinted();
    expect(hook.order).toBe('post');
    expect(code('assets/study-page.js')).toBe('//# allFunctionsCalledOnLoad\nexport const s=3;');
  });

  it('shifts their source maps down a line, so that they still point at the same code', () => {
    expect(hinted().mappings('assets/study-page.js.map')).toBe(';AAAA');
  });

  it('leaves the entry chunk and other lazily loaded chunks, and their maps, alone', () => {
    const { code, mappings } = hinted();
    expect(code('assets/index.js')).toBe('const first=1;\nrender();');
    expect(mappings('assets/index.js.map')).toBe(';AAAA');
    expect(code('assets/page.js')).toBe('export const page=2;');
    expect(mappings('assets/page.js.map')).toBe('AAAA');
  });
});
