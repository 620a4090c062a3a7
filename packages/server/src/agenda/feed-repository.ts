import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Calendar feeds: the secret URLs of a practitioner's or room's agenda, and what they show. */
type Tx = Kysely<Database>;

export function activeFeeds(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('calendar_feeds as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.resource_id',
      'f.resource_kind',
      'f.show_patient_names',
      'f.created_at',
      'u.display_name',
    ])
    .where('f.organization_id', '=', organizationId)
    .where('f.revoked_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .execute();
}

/** Revokes an active feed; false when there is none of that id. */
export async function revokeFeed(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const revoked = await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: new Date() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return revoked !== undefined;
}
