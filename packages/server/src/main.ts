import { buildApp } from './app.ts';
import { type SecretBox, secretBox } from './auth/index.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { refreshPlannerStatistics } from './db/planner-statistics.ts';
import { ensurePrivateDirectory } from './files/private-files.ts';
import { firstStart } from './ops/first-start.ts';
import { collectGarbageWhenQuiet } from './ops/quiet-time-gc.ts';
import { loadSecretKey } from './ops/secret-key.ts';
import { sealAndCheckStoredSecrets } from './ops/stored-secrets.ts';

const config = loadConfig();
let secrets: SecretBox;
try {
  // The data directory holds files and outboxes even when the database is a PostgreSQL server.
  ensurePrivateDirectory(config.dataDir);
  secrets = secretBox(loadSecretKey(config));
} catch (error) {
  console.error(`Pivot cannot start: ${(error as Error).message}`);
  process.exit(1);
}
const db = await connect({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  sharedBuffers: config.pgliteSharedBuffers,
});
await migrate(db);
const app = await buildApp({ config, db, secrets });
collectGarbageWhenQuiet(app);
await sealAndCheckStoredSecrets(db, secrets, app.log);

await firstStart(db, config, app.log, Number(process.env.PIVOT_DEMO_PATIENTS ?? 2000));

if (db.driver === 'pglite') {
  const analyze = () => refreshPlannerStatistics(db).catch((err) => app.log.warn({ err }, 'analyze failed'));
  await analyze();
  setInterval(() => void analyze(), 24 * 3_600_000).unref();
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting requests, let the ones in flight finish, then close the database.
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Pivot is ready at http://localhost:${config.port} (${db.driver}, ${config.mode} mode)`);
