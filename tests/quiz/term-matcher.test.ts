import { describe, expect, it } from 'vitest';
import { createTermMatcher, titleTerms } from '../../src/quiz/term-matcher.ts';

const mask = (title: string, text: string) => createTermMatcher(title).mask(text);

describe('term masking', () => {
  it('ignores case', () => {
    expect(mask('AIOHTTP', 'aiohttp and Aiohttp')).toBe('_____ and _____');
  });

  it('takes plurals, including -es and -ies', () => {
    expect(mask('Task', 'Tasks and tasks')).toBe('_____ and _____');
    expect(mask('Box', 'boxes')).toBe('_____');
    expect(mask('Library', 'libraries')).toBe('_____');
  });

  it('takes spaces, hyphens or nothing between words', () => {
    expect(mask('asyncio', 'asyncio, async io, async-io')).toBe('_____, _____, _____');
    expect(mask('Event loop', 'event-loop, eventloop, event loop')).toBe('_____, _____, _____');
  });

  it('takes the singular of a plural title, but leaves words that only end in s', () => {
    expect(mask('Futures', 'A future is a result; futures are awaitable.')).toBe(
      'A _____ is a result; _____ are awaitable.',
    );
    expect(mask('Libraries', 'A library')).toBe('A _____');
    expect(mask('Processes', 'One process')).toBe('One _____');
    expect(titleTerms('Redis')).toEqual(['Redis']);
    expect(titleTerms('HTTPS')).toEqual(['HTTPS']);
  });

  it('takes a leading dot or its absence', () => {
    expect(mask('.NET', '.NET and NET')).toBe('_____ and _____');
  });

  it("leaves a possessive 's readable", () => {
    expect(mask('Sanic', "Sanic's speed")).toBe("_____'s speed");
    expect(mask('Go', "Go's tooling")).toBe("_____'s tooling");
  });

  it('masks each significant part of a title', () => {
    expect(titleTerms('Uvicorn and ASGI')).toEqual(['Uvicorn and ASGI', 'Uvicorn', 'ASGI']);
    expect(titleTerms('Event loop (asyncio)')).toEqual([
      'Event loop (asyncio)',
      'Event loop',
      'asyncio',
    ]);
    expect(titleTerms('gevent — Official Website')).toContain('gevent');
    expect(mask('Uvicorn and ASGI', 'Uvicorn speaks ASGI.')).toBe('_____ speaks _____.');
  });

  it('does not mask inside unrelated words', () => {
    expect(mask('Rust', 'we trust it')).toBe('we trust it');
    expect(mask('Go', 'Google is a good ago')).toBe('Google is a good ago');
    expect(mask('C', 'C and C++ and Cython')).toBe('_____ and _____++ and Cython');
    expect(mask('Sets', 'assets')).toBe('assets');
  });

  it('masks a whole word a long term starts, since it gives the answer away', () => {
    expect(mask('Python', 'Pythonic code')).toBe('_____ code');
  });

  it('says whether a text mentions a term', () => {
    const matcher = createTermMatcher('Hypercorn');
    expect(matcher.occursIn('Run it under hypercorn.')).toBe(true);
    expect(matcher.occursIn('Run it under uvicorn.')).toBe(false);
  });
});
