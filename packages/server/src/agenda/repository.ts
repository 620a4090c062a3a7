import { DomainError } from '@pivot/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appointmentQuery } from './agenda-data.ts';
import type { NoticeStatus } from './tables.ts';

/**
 * The SQL statements the agenda's routes used to run themselves: resources and their opening
 * hours, absences, waitlist, notices, calendar feeds and the meetings list. Each takes the caller's
 * transaction (or connection) and the organization it is scoped to.
 */
type Tx = Kysely<Database>;

// --- resources ---------------------------------------------------------------------------

export function listSites(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export async function siteExists(tx: Tx, organizationId: string, siteId: string): Promise<boolean> {
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  return site !== undefined;
}

/** A member of the organization (a practitioner, or anyone who can be absent). */
export async function userExists(tx: Tx, organizationId: string, userId: string): Promise<boolean> {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return user !== undefined;
}

/** The site exists, and the resource is a practitioner, room or equipment of the organization. */
export async function checkResource(
  tx: Tx,
  organizationId: string,
  kind: 'practitioner' | 'room' | 'equipment' | null,
  resourceId: string,
  siteId: string,
) {
  if (!(await siteExists(tx, organizationId, siteId)))
    throw new DomainError('not_found', { field: 'siteId' });
  const tables =
    kind === 'practitioner'
      ? (['users'] as const)
      : kind === 'room'
        ? (['rooms'] as const)
        : kind === 'equipment'
          ? (['equipment'] as const)
          : (['users', 'rooms', 'equipment'] as const);
  for (const table of tables) {
    const found = await tx
      .selectFrom(table)
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', resourceId)
      .executeTakeFirst();
    if (found) return;
  }
  throw new DomainError('not_found', { field: 'resourceId' });
}

export function insertEquipment(
  tx: Tx,
  organizationId: string,
  input: { name: string; kind: string; siteId: string | null },
) {
  return tx
    .insertInto('equipment')
    .values({ organization_id: organizationId, name: input.name, kind: input.kind, site_id: input.siteId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every unit of equipment, withdrawn ones included. */
export function listAllEquipment(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('equipment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export function insertAppointmentType(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['appointment_types']>, 'organization_id'>,
) {
  return tx
    .insertInto('appointment_types')
    .values({ organization_id: organizationId, ...columns })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- opening hours -----------------------------------------------------------------------

export async function listOpeningHours(tx: Tx, organizationId: string, resourceId: string | undefined) {
  let templates = tx
    .selectFrom('opening_hours_templates')
    .selectAll()
    .where('organization_id', '=', organizationId);
  let exceptions = tx
    .selectFrom('opening_exceptions')
    .selectAll()
    .where('organization_id', '=', organizationId);
  if (resourceId) {
    templates = templates.where('resource_id', '=', resourceId);
    exceptions = exceptions.where('resource_id', '=', resourceId);
  }
  return {
    templates: await templates.orderBy('valid_from').execute(),
    exceptions: await exceptions.orderBy('date').execute(),
  };
}

export function insertOpeningHoursTemplate(tx: Tx, values: Insertable<Database['opening_hours_templates']>) {
  return tx.insertInto('opening_hours_templates').values(values).returningAll().executeTakeFirstOrThrow();
}

export function loadOpeningHoursTemplate(tx: Tx, id: string) {
  return tx.selectFrom('opening_hours_templates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** One exception per resource and date: a second one for the same day replaces the first. */
export function upsertOpeningException(
  tx: Tx,
  values: Insertable<Database['opening_exceptions']> & { ranges: string },
) {
  return tx
    .insertInto('opening_exceptions')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['resource_id', 'date']).doUpdateSet({
        ranges: values.ranges,
        reason: values.reason,
        site_id: values.site_id,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- appointments ------------------------------------------------------------------------

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

// --- absences ----------------------------------------------------------------------------

export function absencesBetween(tx: Tx, organizationId: string, range: { from: string; to: string }) {
  return tx
    .selectFrom('absences as a')
    .innerJoin('users as u', 'u.id', 'a.person_id')
    .selectAll('a')
    .select('u.display_name')
    .where('a.organization_id', '=', organizationId)
    .where('a.starts_at', '<', new Date(range.to))
    .where('a.ends_at', '>', new Date(range.from))
    .orderBy('a.starts_at')
    .execute();
}

export function insertAbsence(tx: Tx, values: Insertable<Database['absences']>) {
  return tx.insertInto('absences').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findAbsence(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('absences')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Deletes the absence at the version read; stale_version if it moved on, not_found if it is gone. */
export async function deleteAbsence(tx: Tx, organizationId: string, id: string, version: number) {
  const deleted = await tx
    .deleteFrom('absences')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (deleted) return;
  const exists = await tx
    .selectFrom('absences')
    .select('id')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  throw new DomainError(exists ? 'stale_version' : 'not_found', exists ? { field: 'version' } : {});
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

/** The appointments among these already sent an absence message since the given instant. */
export async function appointmentsNotifiedOfAbsenceSince(
  tx: Tx,
  organizationId: string,
  appointmentIds: string[],
  since: Date,
): Promise<Set<string | null>> {
  const rows = await tx
    .selectFrom('notices')
    .select('appointment_id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'absence')
    .where('appointment_id', 'in', appointmentIds)
    .where('created_at', '>=', since)
    .execute();
  return new Set(rows.map((n) => n.appointment_id));
}

export async function userNames(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organization_id', '=', organizationId)
    .execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

export async function organizationPhone(tx: Tx, organizationId: string): Promise<string> {
  const org = await tx
    .selectFrom('organizations')
    .select('phone')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return org.phone;
}

// --- waitlist ----------------------------------------------------------------------------

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

// --- notices -----------------------------------------------------------------------------

/** The outbox, newest first: what a secretary just queued is on top, above reminders planned long ago. */
export function listNotices(
  tx: Tx,
  organizationId: string,
  filter: { status?: NoticeStatus | undefined; appointmentId?: string | undefined },
) {
  let query = tx
    .selectFrom('notices as n')
    .leftJoin('patients as p', 'p.id', 'n.patient_id')
    .select([
      'n.id',
      'n.patient_id',
      'n.appointment_id',
      'n.meeting_id',
      'n.channel',
      'n.kind',
      'n.language',
      'n.recipient',
      'n.subject',
      'n.status',
      'n.attempts',
      'n.last_error',
      'n.send_after',
      'n.sent_at',
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
      'p.used_given_name',
    ])
    .where('n.organization_id', '=', organizationId);
  if (filter.status) query = query.where('n.status', '=', filter.status);
  if (filter.appointmentId) query = query.where('n.appointment_id', '=', filter.appointmentId);
  return query.orderBy('n.created_at', 'desc').orderBy('n.send_after', 'desc').limit(500).execute();
}

export function findNotice(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('notices')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertNotice(tx: Tx, values: Insertable<Database['notices']>) {
  return tx
    .insertInto('notices')
    .values(values)
    .returning(['id', 'status', 'recipient'])
    .executeTakeFirstOrThrow();
}

export async function insertNotices(tx: Tx, rows: Insertable<Database['notices']>[]) {
  if (rows.length > 0) await tx.insertInto('notices').values(rows).execute();
}

/** A failed or unsent notice goes back to the queue, as if new. */
export async function requeueNotice(tx: Tx, id: string) {
  await tx
    .updateTable('notices')
    .set({ status: 'pending', attempts: 0, last_error: null, send_after: new Date() })
    .where('id', '=', id)
    .execute();
}

// --- calendar feeds ----------------------------------------------------------------------

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

// --- meetings ----------------------------------------------------------------------------

/** Meetings overlapping [from, to) with their room and organizer names, and their attendees. */
export async function meetingsBetween(tx: Tx, organizationId: string, range: { from: string; to: string }) {
  const meetings = await tx
    .selectFrom('meetings as m')
    .leftJoin('rooms as r', 'r.id', 'm.room_id')
    .leftJoin('users as u', 'u.id', 'm.organizer_id')
    .selectAll('m')
    .select(['r.name as room_name', 'u.display_name as organizer_name'])
    .where('m.organization_id', '=', organizationId)
    .where('m.starts_at', '<', new Date(range.to))
    .where('m.ends_at', '>', new Date(range.from))
    .orderBy('m.starts_at')
    .limit(500)
    .execute();
  const attendees =
    meetings.length === 0
      ? []
      : await tx
          .selectFrom('meeting_attendees')
          .select(['meeting_id', 'email', 'name'])
          .where(
            'meeting_id',
            'in',
            meetings.map((m) => m.id),
          )
          .execute();
  return { meetings, attendees };
}
