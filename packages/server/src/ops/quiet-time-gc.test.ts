import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbageWhenQuiet } from './quiet-time-gc.ts';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { gc?: unknown }).gc;
});

describe('collection of garbage once the server is quiet', () => {
  it('collects once after the quiet time, again only after new requests and a new quiet time', async () => {
    vi.useFakeTimers();
    const gc = vi.fn();
    (globalThis as { gc?: unknown }).gc = gc;
    const app = Fastify();
    app.get('/ping', async () => ({ ok: true }));
    collectGarbageWhenQuiet(app, 3000);
    await app.ready();
    vi.advanceTimersByTime(2000);
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    expect(gc).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(gc).toHaveBeenCalledTimes(1);
    await app.inject({ method: 'GET', url: '/ping' });
    vi.advanceTimersByTime(2000);
    expect(gc).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    expect(gc).toHaveBeenCalledTimes(2);
    await app.close();
  });
});
