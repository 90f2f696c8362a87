import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// The tests share two cores with the unit tests: a `findBy` waits up to five seconds for what a
// busy machine renders late, not the default one. It waits no longer when the page is on time.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lays nothing out and so scrolls nothing: a page that brings an element into view does
// nothing here.
Element.prototype.scrollIntoView ??= () => undefined;
