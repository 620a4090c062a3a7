import { createRequire } from 'node:module';
import { type PGlite, parse, protocol } from '@electric-sql/pglite';

// node-postgres' own conversion of JavaScript values to PostgreSQL text (arrays, dates, JSON): the
// same values reach PGlite as reach PostgreSQL in production.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): string | Buffer | null;
};

const { serialize } = protocol;
const transactionControl = /^\s*(begin|commit|rollback|savepoint|release|start\b)/i;
/** Statements kept prepared at once; the least recently used is closed beyond. */
const cachedStatements = 500;

/**
 * PGlite is one in-process connection. Kysely's Postgres dialect asks a pool for connections;
 * this pool hands out that single connection to one holder at a time, so a transaction is never
 * interleaved with another caller's statements.
 *
 * Every statement is prepared once by its text and then only bound and executed, as node-postgres
 * does for the marked statements on PostgreSQL (db/prepared.ts) and as drivers with a statement
 * cache do for all: PGlite's own `query` parses, describes and plans at each call, and in its
 * WebAssembly engine that was half of a booking's time (docs/benchmarks.md).
 */
export function pglitePool(db: PGlite) {
  let tail: Promise<void> = Promise.resolve();
  /** Statement name by SQL text, least recently used first. */
  const statements = new Map<string, string>();
  const toClose: string[] = [];
  let counter = 0;

  async function run(text: string, parameters: readonly unknown[]) {
    const parts: Uint8Array[] = toClose.splice(0).map((name) => serialize.close({ type: 'S', name }));
    let name = statements.get(text);
    const known = name !== undefined;
    if (name === undefined) {
      name = `pivot_${++counter}`;
      parts.push(serialize.parse({ name, text, types: [] }));
    } else {
      statements.delete(text);
      statements.set(text, name);
    }
    parts.push(
      serialize.bind({ statement: name, values: parameters.map((v) => prepareValue(v)) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    const { messages } = await db.execProtocol(Buffer.concat(parts), { throwOnError: false });
    if (!known && messages.some((m) => m.name === 'parseComplete')) {
      statements.set(text, name);
      if (statements.size > cachedStatements) {
        const [oldestText, oldest] = statements.entries().next().value as [string, string];
        statements.delete(oldestText);
        toClose.push(oldest);
      }
    }
    const error = messages.find((m) => m.name === 'error');
    if (error) throw error;
    return parse.parseResults(messages, db.parsers, { rowMode: 'object' })[0]!;
  }

  const connection = {
    async query(sql: string, parameters: readonly unknown[]) {
      const result = transactionControl.test(sql)
        ? await db.query(sql, [], { rowMode: 'object' })
        : await run(sql, parameters);
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
    /** After a script changed the schema (migration, restore), statements are prepared anew. */
    forgetStatements() {
      toClose.push(...statements.values());
      statements.clear();
    },
    async end() {},
  };
}

function commandOf(sql: string): 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' {
  const word = sql.trimStart().slice(0, 6).toUpperCase();
  return word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' ? word : 'SELECT';
}
