import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../measure.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'packages/web/dist');
// kB of 1,000 bytes, as Vite's build report counts them.
const kb = (bytes: number) => bytes / 1000;

// Same compression as Vite's build report (zlib's default level), so the figures can be compared.
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
const raw = (file: string) => readFileSync(join(dist, file)).length;

/** What the browser fetches before the login page can show: index.html's scripts, preloads and styles, and what they import. */
function initialFiles(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const found = [
    ...html.matchAll(/<script[^>]*\ssrc="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="\/([^"]+)"/g),
  ].map((match) => match[1]!);
  // Vite writes a modulepreload for each static import of the entry; following the imports too keeps
  // the figure right if that option is ever turned off.
  const files = new Set(found);
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      files.add(`assets/${match[1]}`);
    }
  }
  return [...files];
}

/**
 * The web app's download: what the first page costs (the targets are 250 KB gzip for it and for any
 * area's chunk). Builds the web app first when its sources changed since the last build.
 */
export async function webBundleBench(): Promise<Figure[]> {
  const build = spawnSync('node', [join(root, 'scripts/build-web-if-changed.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}${build.stderr}`);
  const initial = initialFiles();
  const chunks = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const lazy = chunks.filter((chunk) => !initial.includes(chunk));
  const largest = lazy.map((chunk) => ({ chunk, gzip: gzipped(chunk) })).sort((a, b) => b.gzip - a.gzip)[0];
  const initialGzip = initial.reduce((sum, file) => sum + gzipped(file), 0);
  const initialRaw = initial.reduce((sum, file) => sum + raw(file), 0);
  const name = largest ? largest.chunk.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '') : '—';
  const check = (value: number, limit: number) => `< ${limit} ${value < limit ? '✓' : '✗'}`;
  return [
    {
      measure: `initial download, gzip (${initial.length} files: scripts, preloads, styles)`,
      value: kb(initialGzip),
      unit: 'kB',
      target: check(kb(initialGzip), 250),
    },
    { measure: 'initial download, raw', value: kb(initialRaw), unit: 'kB', target: '—' },
    {
      measure: `largest chunk loaded on demand, gzip (${name})`,
      value: kb(largest?.gzip ?? 0),
      unit: 'kB',
      target: check(kb(largest?.gzip ?? 0), 250),
    },
    { measure: 'script chunks', value: chunks.length, unit: '', target: '—' },
  ];
}
