import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let webDist: string;
// A built script: long enough to be worth compressing.
const script = `export const areas = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `area-${i}`))};\n`;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'pivot-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pivot</title><div id="root"></div>');
  writeFileSync(join(webDist, 'assets', 'index-AbC123.js'), script);
  const precompress = resolve(import.meta.dirname, '../../../../scripts/precompress-web.mjs');
  const run = spawnSync(process.execPath, [precompress, webDist], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  t = await createTestApp({ webDist });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

const asset = (encoding?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/assets/index-AbC123.js',
    headers: encoding ? { 'accept-encoding': encoding } : {},
  });

describe('the web app’s files', () => {
  it('sends a script compressed with Brotli to a browser that accepts it, the same bytes once decoded', async () => {
    const response = await asset('gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.rawPayload.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, as the browser accepts', async () => {
    const gzip = await asset('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await asset();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the page at / and at a client-side route to a browser that accepts compressed files', async () => {
    for (const url of ['/', '/agenda']) {
      const page = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain('<div id="root">');
    }
  });

  it('lets the browser keep a hashed asset for good, but asks again for the page', async () => {
    expect((await asset('br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.app.inject({ method: 'GET', url: '/agenda' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
