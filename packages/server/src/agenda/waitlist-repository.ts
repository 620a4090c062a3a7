import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The waitlist: patients wanting an earlier slot. */
type Tx = Kysely<Database>;

export function activeWaitlist(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('waitlist_entries as w')
    .innerJoin('patients as p', 'p.id', 'w.patient_id')
    .selectAll('w')
    .select(['p.birth_name', 'p.used_name', 'p.first_given_name', 'p.used_given_name'])
    .where('w.organization_id', '=', organizationId)
    .where('w.active', '=', true)
    .orderBy('w.requested_at')
    .execute();
}

export async function patientExists(tx: Tx, organizationId: string, patientId: string): Promise<boolean> {
  const patient = await tx
    .selectFrom('patients')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  return patient !== undefined;
}

export function insertWaitlistEntry(tx: Tx, values: Insertable<Database['waitlist_entries']>) {
  return tx
    .insertInto('waitlist_entries')
    .values(values)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** The waitlist entries still waiting, as stored, in no order. */
export function activeWaitlistEntries(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .execute();
}
