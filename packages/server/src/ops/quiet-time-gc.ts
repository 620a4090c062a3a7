import type { FastifyInstance } from 'fastify';

/**
 * After a burst of requests V8 keeps its garbage (here about 80 MB after a minute of desk work)
 * until new allocations make it collect, which an idle server never does: the memory would stay
 * taken all night. Once the server has answered nothing for `quietMs`, one full collection gives
 * it back. It needs `node --expose-gc` (`npm start` passes it); without it, nothing happens.
 */
export function collectGarbageWhenQuiet(app: FastifyInstance, quietMs = 30_000): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  let lastAnswer = Date.now();
  // The start itself (migrations, demo data, statistics) leaves garbage too.
  let collected = false;
  app.addHook('onResponse', async () => {
    lastAnswer = Date.now();
    collected = false;
  });
  const timer = setInterval(() => {
    if (collected || Date.now() - lastAnswer < quietMs) return;
    collected = true;
    gc();
  }, quietMs / 3);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
