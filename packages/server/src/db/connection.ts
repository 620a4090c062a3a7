import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ensurePrivateDirectory } from '../files/private-files.ts';
import { pglitePool } from './pglite-pool.ts';
import { preparedName } from './prepared.ts';
import type { Database } from './schema.ts';
import { WriteWatch } from './write-watch.ts';

export type Driver = 'pglite' | 'postgresql';

export interface Db {
  kysely: Kysely<Database>;
  driver: Driver;
  /** Updates and deletes made through `kysely`, for the caches that copy rows in memory. */
  writes: WriteWatch;
  /** Runs a multi-statement SQL script (migrations, restore) on one connection. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

// Both drivers return the same JavaScript values: int8 as number (our counters stay far below
// 2^53), date as 'YYYY-MM-DD' text (a calendar date has no time zone), numeric as text.
const OID = { INT8: 20, DATE: 1082, NUMERIC: 1700 };
pg.types.setTypeParser(OID.INT8, (v) => Number(v));
pg.types.setTypeParser(OID.DATE, (v) => v);

function preparesNamedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values)) {
      const name = preparedName(config);
      if (name) return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite's buffer cache, as PostgreSQL writes it (`32MB`); see `embeddedSharedBuffers`. */
  sharedBuffers?: string;
}

/**
 * The embedded database's buffer cache. PostgreSQL's default (128MB) lives in PGlite's WebAssembly
 * memory, which grows as pages are cached and is never given back to the system; 32MB holds the
 * demo practice's hot pages, and the files stay in the system's page cache behind it.
 * A large embedded database raises it with PIVOT_PGLITE_SHARED_BUFFERS (docs/operations.md).
 */
export const embeddedSharedBuffers = '32MB';

export async function connect(options: ConnectOptions): Promise<Db> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('connect', preparesNamedStatements);
    // An idle connection closed by the server (restart, failover) must not crash the process:
    // the pool drops it and opens another on the next query.
    pool.on('error', () => {});
    const writes = new WriteWatch();
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
    const exec = async (script: string) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
        writes.everythingChanged();
      }
    };
    return { kysely, driver: 'postgresql', writes, exec, close: () => kysely.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    ensurePrivateDirectory(dataDir);
    location = join(dataDir, 'pglite');
  }
  const pglite = await PGlite.create(location, {
    extensions: { pg_trgm, unaccent, btree_gist },
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.sharedBuffers ?? embeddedSharedBuffers}`,
    ],
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => v,
    },
  });
  const pool = pglitePool(pglite);
  const writes = new WriteWatch();
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
    plugins: [writes],
  });
  return {
    kysely,
    driver: 'pglite',
    writes,
    exec: async (script: string) => {
      const connection = await pool.connect();
      try {
        await pglite.exec(script);
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        pool.forgetStatements();
        connection.release();
        writes.everythingChanged();
      }
    },
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}
