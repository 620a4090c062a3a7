import { sql } from 'kysely';
import { buildApp } from './app.ts';
import { secretBox } from './auth/secret-box.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { spellChecker } from './documents/spell-checker.ts';
import { loadSecretKey } from './ops/secret-key.ts';

const mb = (n: number) => Math.round(n / 1e6);
const show = (label: string) => {
  const m = process.memoryUsage();
  console.log(
    label.padEnd(22),
    'rss',
    mb(m.rss),
    'heap',
    mb(m.heapUsed),
    '/',
    mb(m.heapTotal),
    'external',
    mb(m.external),
  );
};
show('imports');
const config = loadConfig();
const db = await connect({ databaseUrl: undefined, dataDir: config.dataDir });
show('pglite open');
await migrate(db);
show('migrated');
const app = await buildApp({ config, db, secrets: secretBox(loadSecretKey(config)), logger: false });
await app.ready();
show('app ready');
await sql`ANALYZE`.execute(db.kysely);
show('analyze');
if (process.env.SPELL) {
  await spellChecker().ready;
  show('spell worker ready');
}
await new Promise((r) => setTimeout(r, 3000));
show('rest');
process.exit(0);
