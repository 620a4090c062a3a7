// The npm registry reachable from this project's machines serves only the Linux builds of
// platform-specific optional packages (esbuild, rollup, biome...); npm then leaves the others out
// of package-lock.json and `npm ci` refuses the lock. This adds the missing optional entries,
// marked optional, so `npm ci` accepts the lock and skips them as it does any optional package
// that does not fit the machine. Run after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform =
      /(?:^|[-/])(android|darwin|freebsd|openbsd|netbsd|sunos|aix|win32|linux)[-_]?([a-z0-9]+)?/.exec(name);
    packages[`node_modules/${name}`] = {
      version: String(version).replace(/^[\^~]/, ''),
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
      ...(platform ? { os: [platform[1]] } : {}),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} optional platform entries added`);
