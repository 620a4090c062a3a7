/**
 * On PostgreSQL, a query whose text begins with `/* prepared: name *\/` runs as a named prepared
 * statement (db/connection.ts): parsed and planned once per connection instead of at each call.
 * Kept for the few hottest statements (session lookup, booking), whose text is the same at every
 * call. PGlite prepares every statement by its text (db/pglite-pool.ts).
 */
const markerPattern = /^\/\* prepared: ([\w.-]+) \*\//;

export function preparedName(sql: string): string | undefined {
  return markerPattern.exec(sql)?.[1];
}
