import { parseArgs } from 'node:util';
import { errorMessage, isDomainError } from '@pivot/core';
import { createFirstAdmin, createOrganization, secretBox } from './auth/index.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { backup, isEncryptedBackup, openBackup, restoreFrom } from './ops/backup.ts';
import { backupPassphrase } from './ops/backup-passphrase.ts';
import { loadSecretKey } from './ops/secret-key.ts';
import { sealAndCheckStoredSecrets } from './ops/stored-secrets.ts';

const usage = [
  'npm run backup -- [--file F] [--encrypt]   (passphrase: PIVOT_BACKUP_PASSPHRASE or typed)',
  'npm run restore -- --file F',
  'npm run create-admin -- --email E --organization "Name" --name "Display name"',
  'npm run create-organization -- --organization "Name" --email E --name "Display name"',
  '(administrator passwords: PIVOT_ADMIN_PASSWORD)',
].join('\n  ');

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    file: { type: 'string', short: 'f' },
    encrypt: { type: 'boolean' },
    email: { type: 'string' },
    name: { type: 'string' },
    organization: { type: 'string' },
    password: { type: 'string' },
  },
});

const config = loadConfig();
const log = { info: (...a: unknown[]) => console.log(...a), error: (...a: unknown[]) => console.error(...a) };

async function run() {
  if (command === 'backup') {
    // Asked before the database is opened: a refused passphrase leaves nothing behind.
    const passphrase = values.encrypt ? await backupPassphrase('encrypt') : undefined;
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
    const file = values.file ?? `pivot-backup-${stamp}.jsonl.gz${passphrase === undefined ? '' : '.age'}`;
    await withDatabase(async (db) => {
      const result = await backup(db, file, passphrase === undefined ? {} : { passphrase });
      console.log(
        `backup written to ${file}${passphrase === undefined ? '' : ' (encrypted)'}: ${result.tables} tables, ${result.rows} rows`,
      );
    });
  } else if (command === 'restore') {
    if (!values.file) throw new Error(`usage: ${usage}`);
    const file = values.file;
    const passphrase = (await isEncryptedBackup(file)) ? await backupPassphrase('decrypt') : undefined;
    // Opened (and a passphrase checked) before anything is created: a wrong one leaves no trace.
    const input = await openBackup(file, passphrase);
    const secrets = secretBox(loadSecretKey(config));
    await withDatabase(async (db) => {
      const result = await restoreFrom(db, input);
      console.log(`restored ${result.rows} rows from ${file}`);
      await sealAndCheckStoredSecrets(db, secrets, log);
    });
  } else if (command === 'create-admin' || command === 'create-organization') {
    const password = values.password ?? process.env.PIVOT_ADMIN_PASSWORD;
    const organizationName = values.organization ?? (command === 'create-admin' ? 'Mon cabinet' : undefined);
    if (!values.email || !password || !organizationName) throw new Error(`usage: ${usage}`);
    const input = {
      email: values.email,
      password,
      displayName: values.name ?? values.email,
      organizationName,
    };
    await withDatabase(async (db) => {
      await (command === 'create-admin' ? createFirstAdmin(db, input) : createOrganization(db, input));
      console.log(
        command === 'create-admin'
          ? `administrator ${input.email} created`
          : `organization "${organizationName}" created with its administrator ${input.email}`,
      );
    });
  } else {
    throw new Error(`commands:\n  ${usage}`);
  }
}

async function withDatabase(work: (db: Awaited<ReturnType<typeof connect>>) => Promise<void>) {
  const db = await connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffers: config.pgliteSharedBuffers,
  });
  try {
    await migrate(db);
    await work(db);
  } finally {
    await db.close();
  }
}

try {
  await run();
} catch (error) {
  console.error(
    isDomainError(error)
      ? `error: ${error.code}: ${errorMessage(error.code, 'fr', error.params, error.field)}`
      : `error: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
