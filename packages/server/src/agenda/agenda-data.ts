import { DomainError } from '@pivot/core';
import {
  type Absence,
  type AgendaAppointment,
  type AppointmentStatus,
  type AppointmentType,
  type AppointmentTypeInput,
  addDays,
  type BusyInterval,
  type Equipment,
  expandOpeningHours,
  type OpenInterval,
  type OpeningException,
  type OpeningHoursTemplate,
  parisDateOf,
  type Room,
} from '@pivot/core/agenda';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

type Tx = Kysely<Database>;

/** Maps an exclusion-constraint violation (two holds of one resource overlapping) to slot_taken. */
export function slotTakenError(error: unknown): DomainError | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  // Two writers of overlapping holds waiting for each other in the exclusion check: one is
  // aborted (40P01), and the slot is the other's.
  if (e?.code === '40P01') return new DomainError('slot_taken', { field: 'start' });
  if (e?.code !== '23P01') return null;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (text.includes('absences_overlap')) return new DomainError('absence_overlap', { field: 'start' });
  const field = text.includes('room') ? 'roomId' : text.includes('equipment') ? 'equipmentIds' : 'start';
  return new DomainError('slot_taken', { field });
}

export async function guardSlots<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw slotTakenError(error) ?? error;
  }
}

export function period(start: number, end: number): string {
  return `[${new Date(start).toISOString()},${new Date(end).toISOString()})`;
}

type TypeRow = Selectable<Database['appointment_types']>;

export function typeView(row: TypeRow): AppointmentType & { version: number } {
  return {
    id: row.id,
    label: row.label,
    durationMinutes: row.duration_minutes,
    colour: row.colour,
    eligiblePractitionerIds: row.eligible_practitioner_ids,
    roomKind: row.room_kind,
    equipmentKinds: row.equipment_kinds,
    preparationInstructions: row.preparation_instructions,
    documentsToBring: row.documents_to_bring,
    newPatientsAllowed: row.new_patients_allowed,
    bookableOnline: row.bookable_online,
    urgentSameDayOnly: row.urgent_same_day_only,
    active: row.active,
    version: row.version,
  };
}

export function typeColumns(input: AppointmentTypeInput) {
  return {
    label: JSON.stringify(input.label),
    duration_minutes: input.durationMinutes,
    colour: input.colour,
    eligible_practitioner_ids: input.eligiblePractitionerIds,
    room_kind: input.roomKind,
    equipment_kinds: input.equipmentKinds,
    preparation_instructions: JSON.stringify(input.preparationInstructions),
    documents_to_bring: JSON.stringify(input.documentsToBring),
    new_patients_allowed: input.newPatientsAllowed,
    bookable_online: input.bookableOnline,
    urgent_same_day_only: input.urgentSameDayOnly,
    active: input.active,
  };
}

export async function listTypes(tx: Tx, organizationId: string) {
  const rows = await tx
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map(typeView).sort((a, b) => a.label.fr.localeCompare(b.label.fr, 'fr'));
}

export async function loadType(tx: Tx, organizationId: string, id: string, field = 'appointmentTypeId') {
  const row = await tx
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', { field });
  return typeView(row);
}

/** Practitioners of the organization (users with the practitioner role), inactive ones included. */
export async function listPractitioners(tx: Tx, organizationId: string) {
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name', 'specialty', 'rpps', 'sector', 'site_id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    specialty: r.specialty,
    rpps: r.rpps,
    sector: r.sector,
    siteId: r.site_id,
    active: r.active,
  }));
}

export async function checkPractitioners(tx: Tx, organizationId: string, ids: string[], field: string) {
  if (ids.length === 0) return;
  const found = await tx
    .selectFrom('users')
    .select(['id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size) throw new DomainError('not_found', { field });
  if (found.some((f) => !f.active)) throw new DomainError('practitioner_inactive', { field });
}

export async function listRooms(tx: Tx, organizationId: string): Promise<(Room & { name: string })[]> {
  const rows = await tx
    .selectFrom('rooms')
    .select(['id', 'name', 'kind', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, siteId: r.site_id ?? '' }));
}

export async function listEquipment(
  tx: Tx,
  organizationId: string,
): Promise<(Equipment & { name: string })[]> {
  const rows = await tx
    .selectFrom('equipment')
    .select(['id', 'name', 'kind', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, siteId: r.site_id }));
}

/** Opening intervals of the resources between two local dates (both included); every resource when ids is null. */
export async function loadOpenIntervals(
  tx: Tx,
  organizationId: string,
  from: string,
  to: string,
  resourceIds: string[] | null = null,
): Promise<OpenInterval[]> {
  if (resourceIds && resourceIds.length === 0) return [];
  let templatesQuery = tx
    .selectFrom('opening_hours_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
  let exceptionsQuery = tx
    .selectFrom('opening_exceptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (resourceIds) {
    templatesQuery = templatesQuery.where('resource_id', 'in', resourceIds);
    exceptionsQuery = exceptionsQuery.where('resource_id', 'in', resourceIds);
  }
  const [templates, exceptions] = await Promise.all([templatesQuery.execute(), exceptionsQuery.execute()]);
  return expandOpeningHours({
    templates: templates.map(templateView),
    exceptions: exceptions.map(
      (e): OpeningException => ({
        resourceId: e.resource_id,
        siteId: e.site_id,
        date: e.date,
        ranges: e.ranges,
        reason: e.reason,
      }),
    ),
    from,
    to,
  });
}

export function templateView(
  row: Selectable<Database['opening_hours_templates']>,
): OpeningHoursTemplate & { version: number; resourceKind: string } {
  return {
    id: row.id,
    resourceId: row.resource_id,
    resourceKind: row.resource_kind,
    siteId: row.site_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    weekParity: row.week_parity,
    days: row.days,
    version: row.version,
  };
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

export async function loadAbsences(
  tx: Tx,
  organizationId: string,
  start: number,
  end: number,
): Promise<Absence[]> {
  const rows = await tx
    .selectFrom('absences')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('starts_at', '<', new Date(end))
    .where('ends_at', '>', new Date(start))
    .orderBy('starts_at')
    .execute();
  return rows.map(absenceView);
}

export function absenceView(r: {
  id: string;
  person_id: string;
  kind: Absence['kind'];
  starts_at: Date;
  ends_at: Date;
}): Absence & { note?: string } {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    start: new Date(r.starts_at).getTime(),
    end: new Date(r.ends_at).getTime(),
  };
}

export interface AppointmentView extends AgendaAppointment {
  version: number;
  siteId: string | null;
  roomId: string | null;
  equipmentIds: string[];
  comment: string;
  overrideReason: string | null;
  patientName: string;
  startIso: string;
  endIso: string;
}

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

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number];

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

export function appointmentView(r: AppointmentRow): AppointmentView {
  const start = new Date(r.starts_at).getTime();
  const end = new Date(r.ends_at).getTime();
  return {
    id: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    appointmentTypeId: r.appointment_type_id,
    siteId: r.site_id,
    roomId: r.room_id,
    equipmentIds: r.equipment_ids,
    start,
    end,
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
    status: r.status as AppointmentStatus,
    comment: r.comment,
    overrideReason: r.override_reason,
    version: r.version,
    patientName: `${r.used_name || r.birth_name} ${r.used_given_name || r.first_given_name}`,
  };
}

export async function loadAppointment(tx: Tx, organizationId: string, id: string) {
  const row = await appointmentQuery(tx, organizationId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found');
  return appointmentView(row);
}

/** The local dates an interval touches, padded by one day for intervals crossing midnight. */
export function datesAround(start: number, end: number): { from: string; to: string } {
  return { from: addDays(parisDateOf(start), -1), to: addDays(parisDateOf(end), 1) };
}
