import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropRouterDisplayNames } from '../../scripts/build/vite-plugin-router-display-names';

type Transform = {
  filter: { id: RegExp };
  handler: (code: string, id: string) => { code: string } | undefined;
};

const transform = dropRouterDisplayNames().transform as Transform;
const productionDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist',
  'production',
);

describe("dropping react-router's display names", () => {
  it("removes every one from the router's production build, and nothing else", () => {
    const file = routerComponentsChunk();
    const source = readFileSync(file, 'utf8');
    expect(transform.filter.id.test(file)).toBe(true);
    const result = transform.handler(source, file);
    expect(result).toBeDefined();
    const slimmer = result?.code ?? '';
    expect(source).toMatch(/\bLink\.displayName = "Link";/);
    expect(slimmer).not.toMatch(/\.displayName = "/);
    // Only whole lines go: the rest of the source is unchanged, line for line.
    const kept = source.split('\n').filter((line) => !/\.displayName = "[\w.]+";$/.test(line));
    expect(slimmer.split('\n').filter((line) => line.trim() !== '')).toEqual(
      kept.filter((line) => line.trim() !== ''),
    );
  });

  it('applies to no other package', () => {
    expect(transform.filter.id.test('/app/node_modules/react-dom/index.js')).toBe(false);
    expect(transform.filter.id.test('/app/src/routes/app-routes.tsx')).toBe(false);
  });
});

/** The production build's chunk that defines the router's components. */
function routerComponentsChunk(): string {
  const name = readdirSync(productionDirectory).find(
    (entry) =>
      entry.startsWith('chunk-') &&
      readFileSync(path.join(productionDirectory, entry), 'utf8').includes('Link.displayName'),
  );
  if (!name) throw new Error(`no chunk in ${productionDirectory} names Link`);
  return path.join(productionDirectory, name);
}
