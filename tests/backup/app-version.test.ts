import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { appVersion } from '../../src/backup/app-version';

it('records the version package.json gives the app', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(appVersion).toBe(manifest.version);
});
