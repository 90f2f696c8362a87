import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// jsdom lays nothing out and so scrolls nothing: a page that brings an element into view does
// nothing here.
Element.prototype.scrollIntoView ??= () => undefined;
