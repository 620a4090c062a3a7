import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// What billing still reads in other capabilities' tables without their door (patients, users):
// each statement as it was in billing's services, waiting for a function of that capability's door.

type Tx = Kysely<Database>;

/** The id of one of the organization's patients; undefined when it is not one of them. */
export function findPatientId(tx: Tx, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', patientId)
    .executeTakeFirst();
}

/** The organization's practitioners and the name each is shown by. */
export function listPractitionerNames(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .execute();
}

/** The id of one of the organization's patients, compared as text (any string may be asked); undefined when none. */
export function findPatientIdByText(tx: Tx, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where(sql<boolean>`id::text = ${patientId}`)
    .executeTakeFirst();
}

/** The names of the organization's patients among `patientIds` (an empty list asks for none). */
export function listPatientNames(tx: Tx, organizationId: string, patientIds: string[]) {
  return tx
    .selectFrom('patients')
    .select(['id', 'birth_name', 'used_name', 'first_given_name'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ['00000000-0000-0000-0000-000000000000', ...patientIds])
    .execute();
}
