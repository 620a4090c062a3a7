// `npm run test:pg`: the server API tests against the PostgreSQL server named by DATABASE_URL.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL 15+ server whose user may create databases.');
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
