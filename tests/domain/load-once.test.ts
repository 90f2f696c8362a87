import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../src/domain/load-once';

describe('loadOnce', () => {
  it('loads once for every call, while loading and after', async () => {
    const load = vi.fn(async () => 'module');
    const loaded = loadOnce(load);
    const [first, second] = await Promise.all([loaded(), loaded()]);
    expect([first, second, await loaded()]).toEqual(['module', 'module', 'module']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads again after a failure, and keeps what then succeeds', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue('module');
    const loaded = loadOnce(load);
    await expect(loaded()).rejects.toThrow('Failed to fetch');
    expect(await loaded()).toBe('module');
    expect(await loaded()).toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('gives the failure to every call made while that load ran', async () => {
    let fail: (error: Error) => void = () => {};
    const load = vi.fn(
      () =>
        new Promise<string>((_, reject) => {
          fail = reject;
        }),
    );
    const loaded = loadOnce(load);
    const calls = [loaded(), loaded()];
    fail(new Error('offline'));
    for (const call of calls) await expect(call).rejects.toThrow('offline');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
