import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The organization's active practitioners, by name, with what billing needs of them. */
export function activePractitioners(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'specialty', 'sector', 'rpps'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}
