import { sql } from 'kysely';
import type { Db } from './connection.ts';

// PostgreSQL keeps its planner statistics by autovacuum; the embedded database has none, so Pivot
// refreshes them at start and every night (without them joins over a day's agenda go row by row).
export function refreshPlannerStatistics(db: Db) {
  return sql`ANALYZE`.execute(db.kysely);
}
