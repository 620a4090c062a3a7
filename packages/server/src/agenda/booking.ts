import { DomainError } from '@pivot/core';
import {
  type AppointmentInput,
  checkAppointment,
  expandOpeningHours,
  type OpeningException,
  resolveAppointmentTime,
} from '@pivot/core/agenda';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { appointmentNotices, type NoticeSubject } from './appointment-notices.ts';
import { pickFree } from './appointment-repository.ts';
import { datesAround, period } from './intervals.ts';
import { checkRoom } from './resource-repository.ts';
import { type AppointmentView, absenceView, templateView, typeView } from './row-views.ts';
import { guardSlots } from './slot-taken.ts';

/**
 * Booking is the agenda's hottest write (a desk books all day, online booking later), so it is
 * two statements: one read of everything the rules need, one write of the appointment with its
 * holds, status event, timeline item, audit entry and notices. The write is a single statement,
 * hence atomic without an explicit transaction; the exclusion constraints of agenda_holds still
 * decide between two desks taking the same slot. A transaction around the read would not protect
 * more: at READ COMMITTED its reads take no locks either. Both run as prepared statements on
 * PostgreSQL (db/connection.ts).
 */
interface BookingContext {
  patient: {
    merged_into: string | null;
    details: NoticeSubject['patientDetails'];
    phones: string[];
    birth_name: string;
    used_name: string | null;
    first_given_name: string;
    used_given_name: string | null;
    /** Has an appointment marked seen; asked only when the motif is closed to new patients. */
    seen: boolean | null;
  } | null;
  type: Selectable<Database['appointment_types']> | null;
  practitioner: { active: boolean; name: string } | null;
  templates: Selectable<Database['opening_hours_templates']>[];
  exceptions: Selectable<Database['opening_exceptions']>[];
  absences: { id: string; person_id: string; kind: 'holiday'; starts_at: string; ends_at: string }[];
  organization: NoticeSubject['organization'];
}

async function loadContext(
  db: Db,
  organizationId: string,
  input: AppointmentInput,
  start: number,
  end: number,
): Promise<BookingContext> {
  const { from, to } = datesAround(start, end);
  const { rows } = await sql<BookingContext>`/* prepared: booking-context */
    SELECT
      (SELECT json_build_object('merged_into', p.merged_into, 'details', p.details, 'phones', p.phones,
          'birth_name', p.birth_name, 'used_name', p.used_name, 'first_given_name', p.first_given_name,
          'used_given_name', p.used_given_name,
          'seen', CASE WHEN t.new_patients_allowed IS FALSE THEN EXISTS (
            SELECT 1 FROM appointments s WHERE s.patient_id = p.id AND s.status = 'seen') END)
        FROM patients p WHERE p.id = ${input.patientId} AND p.organization_id = ${organizationId}) AS patient,
      row_to_json(t) AS type,
      (SELECT json_build_object('active', u.active, 'name', u.display_name) FROM users u
        WHERE u.id = ${input.practitionerId} AND u.organization_id = ${organizationId}
          AND u.role = 'practitioner') AS practitioner,
      (SELECT coalesce(json_agg(o), '[]') FROM opening_hours_templates o
        WHERE o.organization_id = ${organizationId} AND o.resource_id = ${input.practitionerId}
          AND o.valid_from <= ${to} AND (o.valid_to IS NULL OR o.valid_to >= ${from})) AS templates,
      (SELECT coalesce(json_agg(e), '[]') FROM opening_exceptions e
        WHERE e.organization_id = ${organizationId} AND e.resource_id = ${input.practitionerId}
          AND e.date >= ${from} AND e.date <= ${to}) AS exceptions,
      (SELECT coalesce(json_agg(b), '[]') FROM absences b
        WHERE b.organization_id = ${organizationId} AND b.person_id = ${input.practitionerId}
          AND b.starts_at < ${new Date(end).toISOString()}::timestamptz
          AND b.ends_at > ${new Date(start).toISOString()}::timestamptz) AS absences,
      (SELECT json_build_object('name', g.name, 'phone', g.phone, 'address', g.address)
        FROM organizations g WHERE g.id = ${organizationId}) AS organization
    FROM (SELECT 1) one
    LEFT JOIN appointment_types t ON t.id = ${input.appointmentTypeId} AND t.organization_id = ${organizationId}`.execute(
    db.kysely,
  );
  return rows[0]!;
}

export async function bookAppointment(
  db: Db,
  actor: Actor,
  input: AppointmentInput,
  now = Date.now(),
): Promise<AppointmentView> {
  const start = resolveAppointmentTime(input.start, 'start');
  const end = resolveAppointmentTime(input.end, 'end');
  if (end - start > 86_400_000) throw new DomainError('appointment_too_long', { field: 'end' });
  const org = actor.organizationId;
  const context = await loadContext(db, org, input, start, end);
  const { patient, practitioner } = context;
  if (!patient) throw new DomainError('not_found');
  if (patient.merged_into) throw new DomainError('patient_merged', { field: 'patientId' });
  if (!context.type) throw new DomainError('not_found', { field: 'appointmentTypeId' });
  if (!practitioner) throw new DomainError('not_found', { field: 'practitionerId' });
  if (!practitioner.active) throw new DomainError('practitioner_inactive', { field: 'practitionerId' });
  const type = typeView(context.type);
  const { from, to } = datesAround(start, end);
  const open = expandOpeningHours({
    templates: context.templates.map(templateView),
    exceptions: context.exceptions.map(
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
  const checked = checkAppointment({
    start,
    end,
    practitionerId: input.practitionerId,
    type,
    isNewPatient: patient.seen === false,
    openIntervals: open,
    absences: context.absences.map((b) =>
      absenceView({ ...b, starts_at: new Date(b.starts_at), ends_at: new Date(b.ends_at) }),
    ),
    override: input.override,
  });
  const siteId = open.find((o) => o.start <= start && o.end > start)?.siteId ?? null;
  let roomId = input.roomId;
  if (roomId) await checkRoom(db.kysely, org, roomId);
  else if (type.roomKind) {
    roomId = await pickFree(db.kysely, org, 'rooms', type.roomKind, start, end, null);
    if (!roomId) throw new DomainError('no_room_free', { field: 'roomId' });
  }
  const equipmentIds = [...input.equipmentIds];
  if (equipmentIds.length === 0)
    for (const kind of type.equipmentKinds) {
      const unit = await pickFree(db.kysely, org, 'equipment', kind, start, end, null);
      if (!unit) throw new DomainError('no_equipment_free', { field: 'equipmentIds' });
      equipmentIds.push(unit);
    }
  const holds = [
    { practitioner_id: input.practitionerId, room_id: null, equipment_id: null },
    ...(roomId ? [{ practitioner_id: null, room_id: roomId, equipment_id: null }] : []),
    ...equipmentIds.map((equipment_id) => ({ practitioner_id: null, room_id: null, equipment_id })),
  ];
  // Two desks inserting overlapping holds at once can each wait for the other inside the
  // exclusion constraint's check (PostgreSQL then aborts one with a deadlock after a second).
  // Transaction-scoped advisory locks, taken in key order before the insert, make them queue
  // instead: the second sees the first's committed hold and gets slot_taken at once. One key per
  // resource and quarter of an hour touched: two overlapping holds share at least one, while
  // bookings of the same practitioner at other times do not wait for each other.
  const quarter = 15 * 60_000;
  const lockKeys = holds.flatMap((h) => {
    const resource = h.practitioner_id ?? h.room_id ?? h.equipment_id;
    const first = Math.floor(start / quarter);
    const last = Math.floor((end - 1) / quarter);
    return Array.from({ length: last - first + 1 }, (_, i) => `agenda-hold:${resource}:${first + i}`);
  });
  const startIso = new Date(start).toISOString();
  const endIso = new Date(end).toISOString();
  const notices = appointmentNotices(
    {
      patientId: input.patientId,
      start,
      patientDetails: patient.details,
      phones: patient.phones,
      practitionerName: practitioner.name,
      motif: type,
      organization: context.organization,
    },
    'confirmation',
    now,
  ).map((n) => ({
    ...n,
    subject: n.subject ?? '',
    send_after: n.send_after ? new Date(n.send_after as Date).toISOString() : new Date(now).toISOString(),
  }));
  const timeline = {
    appointmentTypeId: type.id,
    motif: type.label,
    practitionerId: input.practitionerId,
    start: startIso,
    ...(checked.overrideReason ? { overrideReason: checked.overrideReason } : {}),
  };
  const audit = checked.overrideReason
    ? { override: true, ...(checked.duringAbsence ? { duringAbsence: true } : {}) }
    : {};
  const { rows } = await guardSlots(() =>
    sql<{ id: string; version: number }>`/* prepared: booking-write */
      WITH locked AS MATERIALIZED (
        SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n
        FROM (SELECT k FROM unnest(${lockKeys}::text[]) AS k ORDER BY k) keys
      ), a AS (
        INSERT INTO appointments (organization_id, patient_id, practitioner_id, appointment_type_id, site_id,
          room_id, equipment_ids, starts_at, ends_at, comment, override_reason, created_by)
        SELECT ${org}::uuid, ${input.patientId}::uuid, ${input.practitionerId}::uuid, ${type.id}::uuid,
          ${siteId}::uuid, ${roomId}::uuid, ${equipmentIds}::uuid[], ${startIso}::timestamptz,
          ${endIso}::timestamptz, ${input.comment}::text, ${checked.overrideReason}::text, ${actor.userId}::uuid
        FROM locked
        RETURNING id, version
      ), h AS (
        INSERT INTO agenda_holds (organization_id, appointment_id, period, practitioner_id, room_id, equipment_id)
        SELECT ${org}::uuid, a.id, ${period(start, end)}::tstzrange, x.practitioner_id, x.room_id, x.equipment_id
        FROM a, jsonb_to_recordset(${JSON.stringify(holds)}::jsonb)
          AS x(practitioner_id uuid, room_id uuid, equipment_id uuid)
      ), e AS (
        INSERT INTO appointment_status_events (organization_id, appointment_id, from_status, to_status, reason, author_id)
        SELECT ${org}::uuid, a.id, NULL, 'booked', ${checked.overrideReason}::text, ${actor.userId}::uuid FROM a
      ), r AS (
        INSERT INTO record_items (organization_id, patient_id, kind, title, author_id, data)
        SELECT ${org}::uuid, ${input.patientId}::uuid, 'appointment', 'appointment_booked', ${actor.userId}::uuid,
          ${JSON.stringify(timeline)}::jsonb || jsonb_build_object('appointmentId', a.id) FROM a
      ), l AS (
        INSERT INTO audit_log (organization_id, user_id, action, entity, entity_id, patient_id, ip, user_agent, details)
        SELECT ${org}::uuid, ${actor.userId}::uuid, 'create', 'appointment', a.id::text, ${input.patientId}::uuid,
          ${actor.ip}::text, ${actor.userAgent}::text, ${JSON.stringify(audit)}::jsonb FROM a
      ), n AS (
        INSERT INTO notices (organization_id, patient_id, appointment_id, language, channel, kind, recipient,
          subject, body, send_after)
        SELECT ${org}::uuid, x.patient_id, a.id, x.language, x.channel, x.kind, x.recipient, x.subject, x.body, x.send_after
        FROM a, jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) AS x(patient_id uuid, language text,
          channel text, kind text, recipient text, subject text, body text, send_after timestamptz)
      )
      SELECT id, version FROM a`.execute(db.kysely),
  );
  const row = rows[0]!;
  return {
    id: row.id,
    patientId: input.patientId,
    practitionerId: input.practitionerId,
    appointmentTypeId: type.id,
    siteId,
    roomId,
    equipmentIds,
    start,
    end,
    startIso,
    endIso,
    status: 'booked',
    comment: input.comment,
    overrideReason: checked.overrideReason,
    version: row.version,
    patientName: `${patient.used_name || patient.birth_name} ${patient.used_given_name || patient.first_given_name}`,
  };
}
