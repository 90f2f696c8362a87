import { createRequire } from 'node:module';
import path from 'node:path';

// The first screen needs one function of ts-fsrs (the forgetting curve, for mastery); the study
// pages need the whole engine. One module can't be split between chunks, so the first screen
// imports ts-fsrs under a second module id, `ts-fsrs/forgetting-curve`, which tree-shaking cuts
// down to that function. Shared by the build and the tests.
const tsFsrsModule = path.join(
  path.dirname(createRequire(import.meta.url).resolve('ts-fsrs')),
  'index.mjs',
);

export const tsFsrsCurveAlias = { 'ts-fsrs/forgetting-curve': `${tsFsrsModule}?forgetting-curve` };
