import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig, parseMemorySize } from '../packages/server/src/config.ts';
import { connect } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';

/** A real Pivot listening on a loopback port, on a new PGlite folder or the DATABASE_URL server. */
/** `keep`: reuse the DATABASE_URL database as a previous run left it (no emptying, no demo seed). */
export async function startServer(patients: number, options: { keep?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pivot-bench-'));
  const config = { ...loadConfig({}), dataDir, loginRateLimitPerMinute: 1_000_000, logLevel: 'warn' };
  const databaseUrl = process.env.DATABASE_URL;
  // The embedded database's buffer cache as the operator sets it (docs/benchmarks.md says which).
  const sharedBuffers = parseMemorySize(process.env.PIVOT_PGLITE_SHARED_BUFFERS);
  const db = await connect({ databaseUrl, dataDir, poolSize: 10, sharedBuffers });
  if (databaseUrl && !options.keep) {
    // A dedicated database would need CREATE DATABASE rights; the bench expects an empty one.
    const { sql } = await import('kysely');
    await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(db.kysely).catch(() => {});
  }
  await migrate(db);
  if (!(databaseUrl && options.keep)) await seedDemo(db, { patients });
  const app = await buildApp({ config, db, logger: process.env.BENCH_LOG === '1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    database: db.driver,
    db,
    async stop() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
