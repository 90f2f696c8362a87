import { describe, expect, it } from 'vitest';
import {
  type BrowseQuery,
  browseQueryParams,
  defaultBrowseQuery,
  readBrowseQuery,
} from '../../src/browse/browse-query';

describe('browse query in the URL', () => {
  it('reads back what it wrote', () => {
    const query: BrowseQuery = {
      text: 'event loop',
      deckId: 'python',
      state: 'review',
      due: 'week',
      sort: 'stability',
      direction: 'desc',
    };
    const params = browseQueryParams(query);
    expect(readBrowseQuery(new URLSearchParams(params.toString()))).toEqual(query);
  });

  it('writes nothing for the defaults, so that a plain page keeps a plain address', () => {
    expect(browseQueryParams(defaultBrowseQuery).toString()).toBe('');
    expect(readBrowseQuery(new URLSearchParams(''))).toEqual(defaultBrowseQuery);
  });

  it('leaves out values it does not know', () => {
    expect(readBrowseQuery(new URLSearchParams('state=frozen&due=someday&sort=colour'))).toEqual(
      defaultBrowseQuery,
    );
  });
});
