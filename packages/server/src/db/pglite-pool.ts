import { createRequire } from 'node:module';
import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { preparedName } from './prepared.ts';

// node-postgres' own conversion of JavaScript values to PostgreSQL text (arrays, dates, JSON).
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): string | Buffer | null;
};

/**
 * PGlite is one in-process connection. Kysely's Postgres dialect asks a pool for connections;
 * this pool hands out that single connection to one holder at a time, so a transaction is never
 * interleaved with another caller's statements.
 */
export function pglitePool(db: PGlite) {
  let tail: Promise<void> = Promise.resolve();
  const prepared = new Set<string>();
  /**
   * The statements marked `/* prepared: name *\/` are parsed and planned once, as on PostgreSQL
   * (db/connection.ts): PGlite's `query` parses, describes and plans at every call, which in its
   * WebAssembly engine cost a third of a booking. Bind and execute go through its protocol API.
   */
  async function runPrepared(name: string, text: string, parameters: readonly unknown[]) {
    if (!prepared.has(name)) {
      await db.execProtocol(
        Buffer.concat([protocol.serialize.parse({ name, text, types: [] }), protocol.serialize.sync()]),
      );
      prepared.add(name);
    }
    const { messages } = await db.execProtocol(
      Buffer.concat([
        protocol.serialize.bind({ statement: name, values: parameters.map((v) => prepareValue(v)) }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
    );
    return parse.parseResults(messages, db.parsers, { rowMode: 'object' })[0]!;
  }
  const connection = {
    async query(sql: string, parameters: readonly unknown[]) {
      const name = preparedName(sql);
      const result = name
        ? await runPrepared(name, sql, parameters)
        : await db.query(sql, parameters as unknown[], { rowMode: 'object' });
      return {
        command: commandOf(sql),
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      };
    },
    release() {},
  };
  return {
    async connect() {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      return { ...connection, release };
    },
    async end() {},
  };
}

function commandOf(sql: string): 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' {
  const word = sql.trimStart().slice(0, 6).toUpperCase();
  return word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' ? word : 'SELECT';
}
