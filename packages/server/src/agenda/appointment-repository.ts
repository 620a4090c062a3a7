import { DomainError } from '@pivot/core';
import type { BusyInterval } from '@pivot/core/agenda';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { period } from './intervals.ts';
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

/** The appointment's row with its patient's name; undefined if the organization has none of that id. */
export function findAppointment(tx: Tx, organizationId: string, id: string) {
  return appointmentQuery(tx, organizationId).where('a.id', '=', id).executeTakeFirst();
}

/** Rows of the appointments overlapping [start, end) (none lasts more than a day), in no order. */
export function appointmentRowsOverlapping(tx: Tx, organizationId: string, start: number, end: number) {
  return appointmentQuery(tx, organizationId)
    .where('a.starts_at', '<', new Date(end))
    .where('a.starts_at', '>', new Date(start - 86_400_000))
    .where('a.ends_at', '>', new Date(start))
    .execute();
}

/**
 * Rows of the appointments overlapping [start, end), in time order, read as one JSON value; of one
 * site's practitioners or rooms when given, of the whole organization when null.
 */
export function appointmentRowsOfRange(
  tx: Tx,
  organizationId: string,
  start: number,
  end: number,
  site: { practitionerIds: string[]; roomIds: string[] } | null,
) {
  let appointments = appointmentQuery(tx, organizationId)
    .where('a.starts_at', '<', new Date(end))
    .where('a.starts_at', '>', new Date(start - 86_400_000))
    .where('a.ends_at', '>', new Date(start));
  if (site)
    appointments = appointments.where((eb) =>
      eb.or([
        ...(site.practitionerIds.length > 0 ? [eb('a.practitioner_id', 'in', site.practitionerIds)] : []),
        ...(site.roomIds.length > 0 ? [eb('a.room_id', 'in', site.roomIds)] : []),
      ]),
    );
  return appointmentRowsAsJson(tx, appointments);
}

/** Rows of one practitioner's appointments overlapping [start, end) (none lasts more than a day). */
export function practitionerAppointmentRowsAround(
  tx: Tx,
  organizationId: string,
  practitionerId: string,
  start: number,
  end: number,
) {
  return appointmentQuery(tx, organizationId)
    .where('a.practitioner_id', '=', practitionerId)
    .where('a.starts_at', '<', new Date(end))
    .where('a.starts_at', '>', new Date(start - 86_400_000))
    .where('a.ends_at', '>', new Date(start))
    .execute();
}

/** Rows of one practitioner's appointments overlapping [from, until), in time order. */
export function practitionerAppointmentRowsBetween(
  tx: Tx,
  organizationId: string,
  practitionerId: string,
  from: number,
  until: number,
) {
  return appointmentQuery(tx, organizationId)
    .where('a.practitioner_id', '=', practitionerId)
    .where('a.starts_at', '<', new Date(until))
    .where('a.ends_at', '>', new Date(from))
    .orderBy('a.starts_at')
    .execute();
}

/** Moves the appointment at the version read; undefined if it moved on meanwhile. */
export function updateAppointmentPlacement(
  tx: Tx,
  id: string,
  version: number,
  placement: {
    practitioner_id: string;
    starts_at: Date;
    ends_at: Date;
    room_id: string | null;
    equipment_ids: string[];
    site_id: string | null;
    override_reason: string | null;
  },
) {
  return tx
    .updateTable('appointments')
    .set({ ...placement, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Changes the appointment's status at the version read; undefined if it moved on meanwhile. */
export function updateAppointmentStatus(tx: Tx, id: string, version: number, status: string) {
  return tx
    .updateTable('appointments')
    .set({ status, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export function insertStatusEvent(
  tx: Tx,
  organizationId: string,
  event: Omit<Insertable<Database['appointment_status_events']>, 'organization_id'>,
) {
  return tx
    .insertInto('appointment_status_events')
    .values({ organization_id: organizationId, ...event })
    .execute();
}

/** The status changes of an appointment, oldest first, with their author's name. */
export function appointmentStatusEvents(tx: Tx, appointmentId: string) {
  return tx
    .selectFrom('appointment_status_events as e')
    .leftJoin('users as u', 'u.id', 'e.author_id')
    .select(['e.from_status', 'e.to_status', 'e.reason', 'e.at', 'e.author_id', 'u.display_name'])
    .where('e.appointment_id', '=', appointmentId)
    .orderBy('e.at')
    .execute();
}

// --- holds -------------------------------------------------------------------------------

/** A unit of the wanted kind with no hold overlapping [start, end), or the one the user chose. */
export async function pickFree(
  tx: Tx,
  organizationId: string,
  table: 'rooms' | 'equipment',
  kind: string,
  start: number,
  end: number,
  excludeAppointmentId: string | null,
): Promise<string | null> {
  const column = table === 'rooms' ? sql.ref('h.room_id') : sql.ref('h.equipment_id');
  const { rows } = await sql<{ id: string }>`
    SELECT r.id FROM ${sql.table(table)} r
    WHERE r.organization_id = ${organizationId} AND r.active AND r.kind = ${kind}
      AND NOT EXISTS (SELECT 1 FROM agenda_holds h WHERE ${column} = r.id AND h.holds_slot
        AND h.period && ${period(start, end)}::tstzrange
        AND h.appointment_id IS DISTINCT FROM ${excludeAppointmentId})
    ORDER BY r.name LIMIT 1`.execute(tx);
  return rows[0]?.id ?? null;
}

/** The holds of an appointment on its practitioner, room and equipment; replacing its former ones unless told not to. */
export async function writeHolds(
  tx: Tx,
  organizationId: string,
  appointmentId: string,
  p: { practitionerId: string; start: number; end: number; roomId: string | null; equipmentIds: string[] },
  replace = true,
) {
  if (replace) await tx.deleteFrom('agenda_holds').where('appointment_id', '=', appointmentId).execute();
  const range = period(p.start, p.end);
  const base = { organization_id: organizationId, appointment_id: appointmentId, period: range };
  await tx
    .insertInto('agenda_holds')
    .values([
      { ...base, practitioner_id: p.practitionerId },
      ...(p.roomId ? [{ ...base, room_id: p.roomId }] : []),
      ...p.equipmentIds.map((equipment_id) => ({ ...base, equipment_id })),
    ])
    .execute();
}

/** The appointment's holds keep (or stop keeping) their slot. */
export async function setHoldsSlot(tx: Tx, appointmentId: string, holds: boolean) {
  await tx
    .updateTable('agenda_holds')
    .set({ holds_slot: holds })
    .where('appointment_id', '=', appointmentId)
    .execute();
}

// --- patients' data the agenda reads -----------------------------------------------------

/** The language each of these patients prefers, as their details say (null when unsaid). */
export function patientLanguages(tx: Tx, patientIds: string[]) {
  return tx
    .selectFrom('patients')
    .select(['id', sql<string | null>`details->>'preferredLanguage'`.as('language')])
    .where('id', 'in', patientIds)
    .execute();
}

/** The last day each of these patients' mandatory insurance is valid (null: no end date). */
export function mandatoryCoverageUntil(tx: Tx, patientIds: string[]) {
  return tx
    .selectFrom('coverage_items')
    .select(['patient_id', sql<string | null>`max(valid_to)`.as('valid_until')])
    .where('patient_id', 'in', patientIds)
    .where('kind', '=', 'mandatory')
    .groupBy('patient_id')
    .execute();
}

/** Up to `limit` patients of the organization not merged into another, in id order (the demo's seed). */
export function somePatientIds(tx: Tx, organizationId: string, limit: number) {
  return tx
    .selectFrom('patients')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// --- bulk writes (the demo's seed) -------------------------------------------------------

/** Appointments written together; their ids, in the order of the rows. */
export function insertAppointments(tx: Tx, rows: Insertable<Database['appointments']>[]) {
  return tx.insertInto('appointments').values(rows).returning('id').execute();
}

export async function insertHolds(tx: Tx, rows: Insertable<Database['agenda_holds']>[]) {
  await tx.insertInto('agenda_holds').values(rows).execute();
}

export async function insertStatusEvents(tx: Tx, rows: Insertable<Database['appointment_status_events']>[]) {
  await tx.insertInto('appointment_status_events').values(rows).execute();
}
