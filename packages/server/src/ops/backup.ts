import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { migrationFiles } from '../db/migrate.ts';

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

/**
 * A logical dump (gzipped JSON lines: a header, then chunks of rows per table) that restores on
 * either database: PGlite and PostgreSQL share one schema, so a backup taken on one restores on the
 * other. Rows are read by primary key so a large table streams in bounded memory.
 */
export async function backup(db: Db, file: string): Promise<{ tables: number; rows: number }> {
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
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { tables: names.length, rows: total };
}

async function hasIdColumn(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND column_name = 'id'`.execute(db.kysely);
  return rows.length > 0;
}

/** Restores a backup into a migrated, empty database, in one transaction. */
export async function restore(db: Db, file: string): Promise<{ rows: number }> {
  let header: { format?: string; migrations?: string[] } | undefined;
  let rows = 0;
  await db.kysely.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('users').select('id').limit(1).execute();
    if (existing.length > 0)
      throw new Error('restore needs an empty database (this one already has accounts)');
    // Foreign keys are DEFERRABLE: checked once at commit, whatever the order tables come in.
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
    // Opened right before reading: readline drops lines emitted before iteration starts.
    const reader = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
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
  return { rows };
}
