import { DomainError } from '@pivot/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type VersionedTable = {
  [K in keyof Database]: Database[K] extends { version: unknown } ? K : never;
}[keyof Database];

/**
 * Optimistic concurrency shared by every record: the update names the version it read; if the
 * row has moved on, nothing is written and the caller gets `stale_version` (HTTP 409).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  scope: { organizationId: string; id: string; version: number },
  values: Record<string, unknown>,
): Promise<number> {
  const result = await sql<{ version: number }>`
    UPDATE ${sql.table(table)} SET ${sql.join(
      [...Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v}`), sql`version = version + 1`],
      sql`, `,
    )}
    WHERE id = ${scope.id} AND ${tenant(table)} = ${scope.organizationId} AND version = ${scope.version}
    RETURNING version`.execute(db);
  if (result.rows.length === 1) return result.rows[0]!.version;
  const exists =
    await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${scope.id} AND ${tenant(table)} = ${scope.organizationId}`.execute(
      db,
    );
  if (exists.rows.length === 0) throw new DomainError('not_found');
  throw new DomainError('stale_version', { field: 'version' });
}

/** The organization row is its own tenant; every other table carries organization_id. */
function tenant(table: string) {
  return sql.ref(table === 'organizations' ? 'id' : 'organization_id');
}
