import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// What billing still reads in other capabilities' tables without their door (patients, users,
// appointments and their motifs):
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

/** A patient of the organization as a bill needs them; undefined when not one of its patients. */
export function findPatientToBill(tx: Tx, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select(['id', 'birth_name', 'first_given_name', 'used_name', 'birth_date', 'merged_into'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A member of the organization as a bill needs them (its role tells a practitioner); undefined when not a member. */
export function findPractitionerToBill(tx: Tx, organizationId: string, userId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name', 'rpps', 'specialty', 'sector', 'role'])
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A member of the organization as the bill-visit form starts from them; undefined when not a member. */
export function findPractitionerForVisitDraft(tx: Tx, organizationId: string, userId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name', 'specialty', 'sector', 'role'])
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** An appointment of the organization as billing checks it; undefined when not one of its appointments. */
export function findAppointmentToBill(tx: Tx, organizationId: string, appointmentId: string) {
  return tx
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'practitioner_id', 'status', 'starts_at', 'appointment_type_id'])
    .where('id', '=', appointmentId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** An appointment of the organization with its motif's label; undefined when not one of its appointments. */
export function findAppointmentWithType(tx: Tx, organizationId: string, appointmentId: string) {
  return tx
    .selectFrom('appointments')
    .innerJoin('appointment_types', 'appointment_types.id', 'appointments.appointment_type_id')
    .select([
      'appointments.id',
      'appointments.patient_id',
      'appointments.status',
      'appointments.starts_at',
      'appointment_types.label',
    ])
    .where('appointments.id', '=', appointmentId)
    .where('appointments.organization_id', '=', organizationId)
    .executeTakeFirst();
}
