import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import { Decrypter, Encrypter } from 'age-encryption';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { migrationFiles } from '../db/migrate.ts';
import { privateFileMode } from '../files/private-files.ts';

const format = 'pivot-backup';
const chunkSize = 2000;
/** Tables rebuilt by triggers from other tables: a restore regenerates them. */
const derivedTables = ['patient_name_tokens', 'patient_name_words'];

async function tables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('schema_migrations', ${sql.join(derivedTables)})
    ORDER BY table_name`.execute(db.kysely);
  return rows.map((r) => r.table_name);
}

/** The first line of every file in the age format (https://age-encryption.org/v1). */
const ageMagic = 'age-encryption.org/v1\n';
const gzipMagic = Buffer.from([0x1f, 0x8b]);

export interface BackupOptions {
  /**
   * Encrypts the backup in the age format with this passphrase (scrypt recipient, work factor
   * 2^18 by default): readable with Pivot's restore or the `age -d` command of any age tool.
   */
  passphrase?: string;
  /** scrypt work factor (log2 N) of the passphrase; only tests lower it. */
  scryptWorkFactor?: number;
}

/**
 * A logical dump (gzipped JSON lines: a header, then chunks of rows per table) that restores on
 * either database: PGlite and PostgreSQL share one schema, so a backup taken on one restores on the
 * other. Rows are read by primary key so a large table streams in bounded memory.
 * With a passphrase, the gzipped dump is encrypted as an age file.
 * The file holds every patient and account: it is created 0600, written aside and renamed when
 * complete, so neither other users of the machine nor a reader of a half-written file see it.
 */
export async function backup(
  db: Db,
  file: string,
  options: BackupOptions = {},
): Promise<{ tables: number; rows: number }> {
  const names = await tables(db);
  let total = 0;
  async function* lines() {
    yield `${JSON.stringify({ format, version: 1, createdAt: new Date().toISOString(), driver: db.driver, migrations: migrationFiles() })}\n`;
    for (const table of names) {
      const keyed = await hasIdColumn(db, table);
      let last: string | number | null = null;
      for (let offset = 0; ; offset += chunkSize) {
        // Tables with an id are read by keyset; the few without one (link tables) by offset.
        const { rows }: { rows: { id: string | number; row: unknown }[] } = keyed
          ? await sql<{ id: string | number; row: unknown }>`
              SELECT t.id, row_to_json(t) AS row FROM ${sql.table(table)} t
              ${last === null ? sql`` : sql`WHERE t.id > ${last}`}
              ORDER BY t.id LIMIT ${chunkSize}`.execute(db.kysely)
          : await sql<{ id: string | number; row: unknown }>`
              SELECT 0 AS id, row_to_json(t) AS row FROM ${sql.table(table)} t
              ORDER BY t.ctid LIMIT ${chunkSize} OFFSET ${offset}`.execute(db.kysely);
        if (rows.length === 0) break;
        total += rows.length;
        yield `${JSON.stringify({ table, rows: rows.map((r) => r.row) })}\n`;
        last = rows[rows.length - 1]!.id;
        if (rows.length < chunkSize) break;
      }
    }
  }
  const temporary = `${file}.${process.pid}.partial`;
  // 'wx' with the mode: the file never exists with wider permissions, not even for an instant.
  const output = createWriteStream(temporary, { flags: 'wx', mode: privateFileMode });
  try {
    if (options.passphrase === undefined) {
      await pipeline(Readable.from(lines()), createGzip(), output);
    } else {
      const encrypter = new Encrypter();
      encrypter.setPassphrase(options.passphrase);
      if (options.scryptWorkFactor) encrypter.setScryptWorkFactor(options.scryptWorkFactor);
      const gzip = createGzip();
      const compressing = pipeline(Readable.from(lines()), gzip);
      const encrypted = await encrypter.encrypt(
        Readable.toWeb(gzip) as unknown as ReadableStream<Uint8Array>,
      );
      await Promise.all([
        compressing,
        pipeline(Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>), output),
      ]);
    }
    await rename(temporary, file);
  } catch (error) {
    output.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  return { tables: names.length, rows: total };
}

/** Whether a backup file is encrypted (age format), by its first bytes. */
export async function isEncryptedBackup(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(ageMagic.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    const head = start.subarray(0, bytesRead);
    if (head.toString('latin1') === ageMagic) return true;
    if (head.subarray(0, 2).equals(gzipMagic)) return false;
    throw new Error('not a Pivot backup (neither a gzipped nor an age-encrypted file)');
  } finally {
    await handle.close();
  }
}

/**
 * The gzipped dump of a backup file, decrypted first if it is encrypted. The age header is checked
 * here, before anything is restored: a wrong passphrase fails before the restore's transaction.
 */
export async function openBackup(file: string, passphrase: string | undefined): Promise<Readable> {
  if (!(await isEncryptedBackup(file))) return createReadStream(file);
  if (passphrase === undefined) {
    throw new Error('this backup is encrypted: give its passphrase (PIVOT_BACKUP_PASSPHRASE)');
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const source = createReadStream(file);
  try {
    const plain = await decrypter.decrypt(Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>);
    return Readable.fromWeb(plain as unknown as WebReadableStream<Uint8Array>);
  } catch (error) {
    source.destroy();
    if (/no identity matched/.test((error as Error).message)) {
      throw new Error('wrong passphrase for this encrypted backup: nothing was restored');
    }
    throw new Error(`unreadable encrypted backup: ${(error as Error).message}`);
  }
}

async function hasIdColumn(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND column_name = 'id'`.execute(db.kysely);
  return rows.length > 0;
}

/**
 * Restores a backup into a migrated, empty database, in one transaction. An encrypted backup needs
 * its passphrase; a wrong one, or a damaged file, restores nothing.
 */
export async function restore(
  db: Db,
  file: string,
  options: { passphrase?: string } = {},
): Promise<{ rows: number }> {
  return restoreFrom(db, await openBackup(file, options.passphrase));
}

/** Restores the dump of `openBackup` (the CLI opens it first, before creating any database). */
export async function restoreFrom(db: Db, input: Readable): Promise<{ rows: number }> {
  let header: { format?: string; migrations?: string[] } | undefined;
  let rows = 0;
  try {
    await db.kysely.transaction().execute(async (tx) => {
      const existing = await tx.selectFrom('users').select('id').limit(1).execute();
      if (existing.length > 0)
        throw new Error('restore needs an empty database (this one already has accounts)');
      // Foreign keys are DEFERRABLE: checked once at commit, whatever the order tables come in.
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
      // Piped right before reading: readline drops lines emitted before iteration starts.
      const gunzip = createGunzip();
      input.on('error', (error) => gunzip.destroy(error));
      const reader = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of reader) {
        if (!line.trim()) continue;
        const record = JSON.parse(line);
        if (!header) {
          header = record;
          if (header?.format !== format) throw new Error('not a Pivot backup');
          const current = migrationFiles();
          if (JSON.stringify(header.migrations) !== JSON.stringify(current)) {
            throw new Error(
              `backup schema (${header.migrations?.at(-1)}) differs from this version's (${current.at(-1)})`,
            );
          }
          continue;
        }
        await sql`INSERT INTO ${sql.table(record.table)} SELECT * FROM json_populate_recordset(null::${sql.table(record.table)}, ${JSON.stringify(record.rows)}::json)`.execute(
          tx,
        );
        rows += record.rows.length;
      }
      if (!header) throw new Error('empty backup file');
      const serials = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval%'`.execute(tx);
      for (const s of serials.rows) {
        await sql`SELECT setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}), GREATEST((SELECT max(${sql.ref(s.column_name)}) FROM ${sql.table(s.table_name)}), 1))`.execute(
          tx,
        );
      }
    });
  } finally {
    input.destroy();
  }
  return { rows };
}
