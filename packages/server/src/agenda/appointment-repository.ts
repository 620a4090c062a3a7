import { DomainError } from '@pivot/core';
import type { BusyInterval } from '@pivot/core/agenda';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appointmentView } from './row-views.ts';

/** Appointments, their holds on the resources (agenda_holds) and their status events. */
type Tx = Kysely<Database>;

/** Appointments with their patient's display name, filtered by the caller. */
export function appointmentQuery(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.practitioner_id',
      'a.appointment_type_id',
      'a.site_id',
      'a.room_id',
      'a.equipment_ids',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.comment',
      'a.override_reason',
      'a.version',
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
      'p.used_given_name',
    ])
    .where('a.organization_id', '=', organizationId);
}

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number];

/**
 * The rows of an appointment query, in time order, read as one JSON value. A day view returns
 * hundreds of rows of 17 columns, and PGlite's protocol layer decodes every field on its own
 * (a copy and a text decoding each): that took longer than the query itself. One JSON field is
 * decoded once and parsed natively, on both databases. Dates arrive as ISO text.
 */
export async function appointmentRowsAsJson(
  tx: Tx,
  query: ReturnType<typeof appointmentQuery>,
): Promise<AppointmentRow[]> {
  const row = await tx
    .selectFrom(query.as('x'))
    .select(sql<AppointmentRow[]>`coalesce(json_agg(x ORDER BY x.starts_at), '[]')`.as('rows'))
    .executeTakeFirstOrThrow();
  return row.rows;
}

export async function loadAppointment(tx: Tx, organizationId: string, id: string) {
  const row = await appointmentQuery(tx, organizationId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found');
  return appointmentView(row);
}

/** Appointments overlapping [from, to), of one practitioner if given (2,000 at most). */
export function appointmentsBetween(
  tx: Tx,
  organizationId: string,
  range: { from: string; to: string; practitionerId?: string | undefined },
) {
  let query = appointmentQuery(tx, organizationId)
    .where('a.starts_at', '<', new Date(range.to))
    .where('a.starts_at', '>', new Date(Date.parse(range.from) - 86_400_000))
    .where('a.ends_at', '>', new Date(range.from));
  if (range.practitionerId) query = query.where('a.practitioner_id', '=', range.practitionerId);
  return query.orderBy('a.starts_at').limit(2000).execute();
}

/** What a message to a displaced patient says: the appointment, its patient, motif and practitioner. */
export function displacedAppointments(tx: Tx, appointmentIds: string[]) {
  return tx
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .innerJoin('users as u', 'u.id', 'a.practitioner_id')
    .select(['a.id', 'a.patient_id', 'a.starts_at', 'p.details', 'p.phones', 't.label', 'u.display_name'])
    .where('a.id', 'in', appointmentIds)
    .execute();
}

/** Which resources' holds to read: the ones a slot search can use. */
export interface BusyResources {
  practitionerIds: string[];
  roomIds: string[];
  equipmentIds: string[];
}

/**
 * Time held by appointments and meetings between two instants (only holds that keep their slot),
 * of the whole organization or of the given resources only. With resources the holds are read
 * one resource at a time through the exclusion constraints' GiST indexes: a slot search over 20
 * practitioners of a 200-practitioner clinic reads a tenth of the agenda.
 */
export async function loadBusy(
  tx: Tx,
  organizationId: string,
  start: number,
  end: number,
  resources: BusyResources | null = null,
): Promise<BusyInterval[]> {
  const range = sql`tstzrange(${new Date(start).toISOString()}::timestamptz, ${new Date(end).toISOString()}::timestamptz)`;
  const { rows } = await (resources
    ? sql<{ appointment_id: string | null; resource_id: string; lo: Date; hi: Date }>`
      SELECT h.appointment_id, r.id AS resource_id, lower(h.period) AS lo, upper(h.period) AS hi
      FROM unnest(${resources.practitionerIds}::uuid[]) AS r(id)
      JOIN agenda_holds h ON h.practitioner_id = r.id AND h.holds_slot AND h.period && ${range}
      UNION ALL
      SELECT h.appointment_id, r.id, lower(h.period), upper(h.period)
      FROM unnest(${resources.roomIds}::uuid[]) AS r(id)
      JOIN agenda_holds h ON h.room_id = r.id AND h.holds_slot AND h.period && ${range}
      UNION ALL
      SELECT h.appointment_id, r.id, lower(h.period), upper(h.period)
      FROM unnest(${resources.equipmentIds}::uuid[]) AS r(id)
      JOIN agenda_holds h ON h.equipment_id = r.id AND h.holds_slot AND h.period && ${range}`
    : sql<{ appointment_id: string | null; resource_id: string; lo: Date; hi: Date }>`
      SELECT appointment_id, coalesce(practitioner_id, room_id, equipment_id) AS resource_id,
        lower(period) AS lo, upper(period) AS hi
      FROM agenda_holds
      WHERE organization_id = ${organizationId} AND holds_slot AND period && ${range}`
  ).execute(tx);
  return rows.map((r) => ({
    resourceId: r.resource_id,
    appointmentId: r.appointment_id,
    start: new Date(r.lo).getTime(),
    end: new Date(r.hi).getTime(),
  }));
}
