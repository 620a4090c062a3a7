import { DomainError } from '@pivot/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type PracticeTable = {
  [K in keyof Database]: Database[K] extends { organization_id: unknown; id: unknown } ? K : never;
}[keyof Database];

/**
 * For references the database cannot check itself (ids kept in jsonb or arrays): every id must
 * name a row of the session's organization, else `reference_not_found` on the field. Foreign-key
 * columns need no call: their companion keys on organization_id (migration 0015) refuse them.
 */
export async function assertReferences(
  tx: Kysely<Database>,
  organizationId: string,
  table: PracticeTable,
  ids: readonly (string | null | undefined)[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)}
    WHERE organization_id = ${organizationId} AND id = ANY(${wanted}::uuid[])`.execute(tx);
  if (found.rows[0]!.n !== wanted.length) throw new DomainError('reference_not_found', { field });
}
