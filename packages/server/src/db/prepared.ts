/**
 * A query whose text begins with `/* prepared: name *\/` runs as a named prepared statement, on
 * PostgreSQL (db/connection.ts) as on PGlite (db/pglite-pool.ts): parsed and planned once per
 * connection instead of at each call. Kept for the few hottest statements (session lookup,
 * booking), whose text is the same at every call.
 */
const markerPattern = /^\/\* prepared: ([\w.-]+) \*\//;

export function preparedName(sql: string): string | undefined {
  return markerPattern.exec(sql)?.[1];
}
