import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one in-process connection. Kysely's Postgres dialect asks a pool for connections;
 * this pool hands out that single connection to one holder at a time, so a transaction is never
 * interleaved with another caller's statements.
 */
export function pglitePool(db: PGlite) {
  let tail: Promise<void> = Promise.resolve();
  const connection = {
    async query(sql: string, parameters: readonly unknown[]) {
      const result = await db.query(sql, parameters as unknown[], { rowMode: 'object' });
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
