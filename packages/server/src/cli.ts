import { parseArgs } from 'node:util';
import { createFirstAdmin } from './auth/setup.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { backup, restore } from './ops/backup.ts';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    file: { type: 'string', short: 'f' },
    email: { type: 'string' },
    name: { type: 'string' },
    organization: { type: 'string' },
    password: { type: 'string' },
  },
});

const config = loadConfig();
const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(db);
try {
  if (command === 'backup') {
    const file =
      values.file ?? `pivot-backup-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.jsonl.gz`;
    const result = await backup(db, file);
    console.log(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows`);
  } else if (command === 'restore') {
    if (!values.file) throw new Error('usage: npm run restore -- --file BACKUP');
    const result = await restore(db, values.file);
    console.log(`restored ${result.rows} rows from ${values.file}`);
  } else if (command === 'create-admin') {
    const password = values.password ?? process.env.PIVOT_ADMIN_PASSWORD;
    if (!values.email || !password) {
      throw new Error(
        'usage: npm run create-admin -- --email E --organization "Name" --name "Display name" (password in PIVOT_ADMIN_PASSWORD)',
      );
    }
    await createFirstAdmin(db, {
      email: values.email,
      password,
      displayName: values.name ?? values.email,
      organizationName: values.organization ?? 'Mon cabinet',
    });
    console.log(`administrator ${values.email} created`);
  } else {
    throw new Error('commands: backup [--file F] | restore --file F | create-admin --email E');
  }
} catch (error) {
  console.error(
    error instanceof Error && 'code' in error ? `error: ${error.code}` : `error: ${(error as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await db.close();
}
