import { sql } from 'kysely';
import type { Db } from './connection.ts';

/** Whether the database answers a trivial query; throws when it does not. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db.kysely);
}
