import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * SQL statements of the reception that its routes used to run themselves, and the reads of the
 * information sheets. Each takes the caller's transaction (or connection) and its organization.
 */
type Tx = Kysely<Database>;

/** What a printed sheet carries on top: the organization's name, address and phone. */
export function organizationLetterhead(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .select(['name', 'address', 'phone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

const sheetColumns = ['id', 'category', 'title', 'body', 'active', 'version'] as const;

export function activeSheets(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('information_sheets')
    .select(sheetColumns)
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('category')
    .orderBy('updated_at')
    .execute();
}

export function findSheet(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('information_sheets')
    .select(sheetColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
