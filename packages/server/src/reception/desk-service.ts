import { DomainError } from '@pivot/core';
import { addDays, parisDateOf, parisStartOfDay } from '@pivot/core/agenda';
import {
  type ArrivalInput,
  applyWaitingRoomEvent,
  billingQueue,
  latePractitioners,
  type PublicDisplayMode,
  publicDisplay,
  type VisitMoveInput,
  type WaitingRoomEvent,
  type WalkInInput,
  waitingStats,
} from '@pivot/core/reception';
import { missingBeforeVisit } from '@pivot/core/records';
import { type Kysely, sql } from 'kysely';
import { followVisitIn, markAppointmentArrivedIn } from '../agenda/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { publishWaitingRoomChange } from './board-events.ts';
import {
  coreVisit,
  loadVisitRow,
  loadVisitRows,
  parsed,
  type VisitRow,
  type VisitView,
  visitsJson,
  visitView,
} from './visits.ts';

type Tx = Kysely<Database>;

/** A practitioner is shown late when the first patient waiting for them waited this long past the time. */
export const lateThresholdMinutes = 15;

async function nextTicket(tx: Tx, organizationId: string, day: string): Promise<number> {
  const row = await sql<{ last: number }>`
    INSERT INTO reception_tickets (organization_id, day, last) VALUES (${organizationId}, ${day}, 1)
    ON CONFLICT (organization_id, day) DO UPDATE SET last = reception_tickets.last + 1
    RETURNING last`.execute(tx);
  return row.rows[0]!.last;
}

function uniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

async function loadVisit(tx: Tx, organizationId: string, id: string) {
  const row = await loadVisitRow(tx, organizationId, id);
  if (!row) throw new DomainError('visit_not_found', { field: 'visitId' });
  return row;
}

interface DeskDocument {
  appointments: DeskAppointmentRow[];
  types: Record<string, { label: { fr: string; en: string }; code: string | null }>;
  practitioners: Record<string, string>;
  coverage: Record<string, string | null>;
  requirements: {
    appointment_type_code: string;
    classification: string;
    label_fr: string;
    label_en: string;
    max_age_days: number | null;
  }[];
  attachments: { patient_id: string; classification: string; uploaded_at: string }[];
  walkIns: VisitRow[];
}

interface DeskAppointmentRow {
  id: string;
  version: number;
  starts_at: string;
  status: string;
  patient_id: string;
  practitioner_id: string;
  appointment_type_id: string;
  comment: string;
  birth_name: string;
  used_name: string;
  first_given_name: string;
  used_given_name: string;
  birth_date: string;
  identity_status: string;
  visit_id: string | null;
  visit_ticket: number | null;
  visit_stage: string | null;
  visit_version: number | null;
}

export interface DeskAppointment {
  appointmentId: string;
  version: number;
  start: string;
  status: string;
  patientId: string;
  patientName: string;
  birthDate: string;
  practitionerId: string;
  appointmentTypeId: string;
  comment: string;
  /** Identity not validated: the arrival opens the identity check (document seen). */
  identityToCheck: boolean;
  /** Last day of the mandatory insurance rights when they end before the appointment. */
  coverageExpiredOn: string | null;
  noMandatoryCoverage: boolean;
  /** Classification codes of the record items the appointment type requires and the record lacks. */
  missingDocuments: string[];
  visit: { id: string; ticket: number; stage: VisitView['stage']; version: number } | null;
}

export interface DeskDay {
  date: string;
  appointments: DeskAppointment[];
  walkIns: VisitView[];
  /** Names of the practitioners, labels of the motifs and of the required record items, by id. */
  practitioners: Record<string, string>;
  appointmentTypes: Record<string, { fr: string; en: string }>;
  requirementLabels: Record<string, { fr: string; en: string }>;
}

/** The day's desk: appointments of the site in time order, with what to check at arrival. */
export async function deskDay(
  db: Db,
  actor: Actor,
  query: { date: string; siteId?: string | undefined },
): Promise<DeskDay> {
  return db.kysely.transaction().execute(async (tx) => {
    const start = parisStartOfDay(query.date);
    const end = parisStartOfDay(addDays(query.date, 1));
    // The whole desk in one round trip and one JSON document: a thousand rows decoded one by one
    // (PGlite decodes rows in JavaScript) cost more than the query itself.
    const org = actor.organizationId;
    const site = query.siteId ? sql`AND a.site_id = ${query.siteId}` : sql``;
    const read = await sql<{ doc: DeskDocument | string }>`
      WITH day AS (
        SELECT a.id, a.version, a.starts_at, a.status, a.patient_id, a.practitioner_id,
          a.appointment_type_id, a.comment,
          p.birth_name, p.used_name, p.first_given_name, p.used_given_name, p.birth_date, p.identity_status,
          rv.id AS visit_id, rv.ticket AS visit_ticket, rv.stage AS visit_stage, rv.version AS visit_version
        FROM appointments a JOIN patients p ON p.id = a.patient_id
        LEFT JOIN reception_visits rv ON rv.appointment_id = a.id
        WHERE a.organization_id = ${org} AND a.starts_at >= ${new Date(start)} AND a.starts_at < ${new Date(end)}
          AND a.status <> 'cancelled' ${site}
      )
      SELECT json_build_object(
        'appointments', (SELECT coalesce(json_agg(d ORDER BY d.starts_at, d.id), '[]'::json) FROM day d),
        'types', (SELECT coalesce(json_object_agg(t.id, json_build_object('label', t.label, 'code', t.completeness_code)), '{}'::json)
          FROM appointment_types t WHERE t.organization_id = ${org}),
        'practitioners', (SELECT coalesce(json_object_agg(u.id, u.display_name), '{}'::json)
          FROM users u WHERE u.organization_id = ${org}),
        'coverage', (SELECT coalesce(json_object_agg(c.patient_id, c.valid_until), '{}'::json) FROM (
          SELECT patient_id, max(valid_to) AS valid_until FROM coverage_items
          WHERE organization_id = ${org} AND kind = 'mandatory' AND patient_id IN (SELECT patient_id FROM day)
          GROUP BY patient_id) c),
        'requirements', (SELECT coalesce(json_agg(r), '[]'::json) FROM (
          SELECT appointment_type_code, classification, label_fr, label_en, max_age_days
          FROM completeness_requirements WHERE organization_id = ${org}) r),
        'attachments', (SELECT coalesce(json_agg(x), '[]'::json) FROM (
          SELECT patient_id, classification, uploaded_at FROM attachments
          WHERE organization_id = ${org} AND patient_id IN (SELECT patient_id FROM day)
            AND classification IN (SELECT classification FROM completeness_requirements WHERE organization_id = ${org})) x),
        'walkIns', (${visitsJson(org, { day: query.date, walkInsOnly: true })})
      ) AS doc`.execute(tx);
    const doc = parsed(read.rows[0]!.doc);
    const appointments = doc.appointments;
    const types = new Map(Object.entries(doc.types));
    const codeOf = (a: DeskAppointmentRow) => types.get(a.appointment_type_id)?.code ?? null;
    const coverage = new Map(Object.entries(doc.coverage));
    const requirementsByCode = new Map<string, Parameters<typeof missingBeforeVisit>[0][number][]>();
    for (const r of doc.requirements) {
      requirementsByCode.set(r.appointment_type_code, [
        ...(requirementsByCode.get(r.appointment_type_code) ?? []),
        {
          classificationCode: r.classification,
          labels: { fr: r.label_fr, en: r.label_en },
          maxAgeDays: r.max_age_days,
        },
      ]);
    }
    const attachmentsByPatient = new Map<string, { classification: string; uploaded_at: string }[]>();
    for (const a of doc.attachments) {
      attachmentsByPatient.set(a.patient_id, [...(attachmentsByPatient.get(a.patient_id) ?? []), a]);
    }
    // Most patients have none of the required items: their answer depends on the motif only.
    const withoutItems = new Map<string, string[]>();
    const missingFor = (code: string | null, patientId: string): string[] => {
      const requirements = code ? (requirementsByCode.get(code) ?? []) : [];
      if (requirements.length === 0) return [];
      const items = attachmentsByPatient.get(patientId);
      if (!items && withoutItems.has(code!)) return withoutItems.get(code!)!;
      const missing = missingBeforeVisit(
        requirements,
        (items ?? []).map((x, i) => ({
          id: String(i),
          classificationCode: x.classification,
          documentDate: parisDateOf(new Date(x.uploaded_at).getTime()),
        })),
        query.date,
      ).map((m) => m.requirement.classificationCode);
      if (!items) withoutItems.set(code!, missing);
      return missing;
    };
    const result: DeskAppointment[] = appointments.map((a) => {
      const missing = missingFor(codeOf(a), a.patient_id);
      const validUntil = coverage.get(a.patient_id);
      // A row carries ids; names and labels shared by many rows come once beside them (a large
      // site's day is a thousand rows: the answer's size is most of the desk's time).
      return {
        appointmentId: a.id,
        version: a.version,
        start: new Date(a.starts_at).toISOString(),
        status: a.status,
        patientId: a.patient_id,
        patientName: `${a.used_name || a.birth_name} ${a.used_given_name || a.first_given_name}`,
        birthDate: a.birth_date,
        practitionerId: a.practitioner_id,
        appointmentTypeId: a.appointment_type_id,
        comment: a.comment,
        identityToCheck: a.identity_status !== 'validated' && a.identity_status !== 'qualified',
        coverageExpiredOn: validUntil && validUntil < query.date ? validUntil : null,
        noMandatoryCoverage: !coverage.has(a.patient_id),
        missingDocuments: missing,
        // The desk shows the ticket and stage; the board has the whole visit.
        visit: a.visit_id
          ? {
              id: a.visit_id,
              ticket: a.visit_ticket!,
              stage: a.visit_stage as VisitView['stage'],
              version: a.visit_version!,
            }
          : null,
      };
    });
    const walkIns = doc.walkIns
      .filter((v) => !query.siteId || v.site_id === query.siteId || !v.site_id)
      .map(visitView);
    await auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'reception_desk',
        entityId: query.date,
        details: { appointments: result.length, walkIns: walkIns.length },
      },
      [...result.map((a) => a.patientId), ...walkIns.map((v) => v.patientId)],
    );
    const requirementLabels: Record<string, { fr: string; en: string }> = {};
    for (const r of doc.requirements)
      requirementLabels[r.classification] = { fr: r.label_fr, en: r.label_en };
    return {
      date: query.date,
      appointments: result,
      walkIns,
      practitioners: doc.practitioners,
      appointmentTypes: Object.fromEntries([...types].map(([id, t]) => [id, t.label])),
      requirementLabels,
    };
  });
}

/** Marks the patient of an appointment arrived: the appointment moves and a visit enters the waiting room. */
export async function markArrived(db: Db, actor: Actor, input: ArrivalInput, now = Date.now()) {
  const visit = await db.kysely.transaction().execute(async (tx) => {
    const appointment = await markAppointmentArrivedIn(
      tx,
      actor,
      { appointmentId: input.appointmentId, version: input.version },
      now,
    );
    const day = parisDateOf(now);
    const ticket = await nextTicket(tx, actor.organizationId, day);
    const inserted = await tx
      .insertInto('reception_visits')
      .values({
        organization_id: actor.organizationId,
        site_id: appointment.siteId,
        patient_id: appointment.patientId,
        appointment_id: appointment.id,
        practitioner_id: appointment.practitionerId,
        day,
        ticket,
        scheduled_start: new Date(appointment.start),
        arrived_at: new Date(now),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw uniqueViolation(error) ? new DomainError('already_arrived', { field: 'appointmentId' }) : error;
      });
    await auditFrom(actor)(tx, {
      action: 'arrived',
      entity: 'reception_visit',
      entityId: inserted.id,
      patientId: appointment.patientId,
      details: { appointmentId: appointment.id, ticket },
    });
    return visitView(await loadVisit(tx, actor.organizationId, inserted.id));
  });
  publishWaitingRoomChange(actor.organizationId);
  return visit;
}

/** A patient without an appointment: straight into the waiting room. */
export async function addWalkIn(db: Db, actor: Actor, input: WalkInInput, now = Date.now()) {
  const visit = await db.kysely.transaction().execute(async (tx) => {
    const patient = await tx
      .selectFrom('patients')
      .select(['id', 'merged_into'])
      .where('id', '=', input.patientId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!patient) throw new DomainError('not_found', { field: 'patientId' });
    if (patient.merged_into) throw new DomainError('patient_merged', { field: 'patientId' });
    if (input.practitionerId) {
      const practitioner = await tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.practitionerId)
        .where('organization_id', '=', actor.organizationId)
        .where('role', '=', 'practitioner')
        .executeTakeFirst();
      if (!practitioner) throw new DomainError('not_found', { field: 'practitionerId' });
    }
    const day = parisDateOf(now);
    const ticket = await nextTicket(tx, actor.organizationId, day);
    const inserted = await tx
      .insertInto('reception_visits')
      .values({
        organization_id: actor.organizationId,
        site_id: input.siteId,
        patient_id: input.patientId,
        practitioner_id: input.practitionerId,
        day,
        ticket,
        arrived_at: new Date(now),
        walk_in_reason: input.reason,
        urgency: input.urgency,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFrom(actor)(tx, {
      action: 'walk_in',
      entity: 'reception_visit',
      entityId: inserted.id,
      patientId: input.patientId,
      details: { ticket, urgency: input.urgency },
    });
    return visitView(await loadVisit(tx, actor.organizationId, inserted.id));
  });
  publishWaitingRoomChange(actor.organizationId);
  return visit;
}

const appointmentStatusOf: Record<VisitMoveInput['to'], 'in_consultation' | 'seen' | 'cancelled'> = {
  in_consultation: 'in_consultation',
  seen: 'seen',
  left: 'cancelled',
};

/** Called in, seen, or left without being seen; the core refuses moves out of order. */
export async function moveVisit(db: Db, actor: Actor, id: string, input: VisitMoveInput, now = Date.now()) {
  const visit = await db.kysely.transaction().execute(async (tx) => {
    const row = await loadVisit(tx, actor.organizationId, id);
    if (row.version !== input.version) throw new DomainError('stale_version', { field: 'version' });
    const current = coreVisit(row);
    const event: WaitingRoomEvent =
      input.to === 'in_consultation'
        ? { kind: 'called_in', visitId: id, at: now, roomLabel: input.roomLabel }
        : input.to === 'seen'
          ? { kind: 'seen', visitId: id, at: now }
          : { kind: 'left', visitId: id, at: now };
    const [next] = applyWaitingRoomEvent({ visits: [current] }, event).visits;
    if (row.appointment_id) {
      await followVisitIn(
        tx,
        actor,
        row.appointment_id,
        {
          to: appointmentStatusOf[input.to],
          reason: input.to === 'left' ? input.reason || 'left_without_being_seen' : null,
        },
        now,
      );
    }
    const updated = await tx
      .updateTable('reception_visits')
      .set({
        stage: next!.stage,
        called_at: next!.calledAt === null ? null : new Date(next!.calledAt),
        seen_at: next!.seenAt === null ? null : new Date(next!.seenAt),
        left_at: next!.leftAt === null ? null : new Date(next!.leftAt),
        room_label: next!.roomLabel,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new DomainError('stale_version', { field: 'version' });
    await auditFrom(actor)(tx, {
      action: input.to,
      entity: 'reception_visit',
      entityId: id,
      patientId: row.patient_id,
      details: { from: current.stage, to: next!.stage },
    });
    return visitView(await loadVisit(tx, actor.organizationId, id));
  });
  publishWaitingRoomChange(actor.organizationId);
  return visit;
}

export interface WaitingRoomBoard {
  date: string;
  at: string;
  visits: (VisitView & { waitingMinutes: number })[];
  stats: {
    practitionerId: string | null;
    practitionerName: string | null;
    patients: number;
    averageMinutes: number;
    maxMinutes: number;
  }[];
  late: { practitionerId: string; practitionerName: string | null; lateMinutes: number }[];
  billingQueue: string[];
}

/** The staff board: every visit of the day with its waiting time, waits per practitioner, lateness. */
export async function waitingRoomBoard(
  tx: Tx,
  organizationId: string,
  now: number,
): Promise<WaitingRoomBoard> {
  const date = parisDateOf(now);
  const rows = await loadVisitRows(tx, organizationId, date);
  const state = { visits: rows.map(coreVisit) };
  const names = new Map(rows.map((r) => [r.practitioner_id, r.practitioner_name]));
  return {
    date,
    at: new Date(now).toISOString(),
    visits: rows.map((r) => {
      const view = visitView(r);
      const end = r.called_at ?? r.left_at;
      const waited = (end ? new Date(end).getTime() : now) - new Date(r.arrived_at).getTime();
      return { ...view, waitingMinutes: Math.max(0, Math.floor(waited / 60_000)) };
    }),
    stats: waitingStats(state, now).map((s) => ({
      ...s,
      practitionerName: names.get(s.practitionerId) ?? null,
    })),
    late: latePractitioners(state, now, lateThresholdMinutes).map((l) => ({
      practitionerId: l.practitionerId,
      practitionerName: names.get(l.practitionerId) ?? null,
      lateMinutes: l.lateMinutes,
    })),
    billingQueue: billingQueue(state).map((v) => v.visitId),
  };
}

/** The staff board of today; the read is traced with the patients it names. */
export async function waitingRoom(db: Db, actor: Actor, now = Date.now()) {
  return db.kysely.transaction().execute(async (tx) => {
    const board = await waitingRoomBoard(tx, actor.organizationId, now);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'waiting_room', entityId: board.date },
      board.visits.map((v) => v.patientId),
    );
    return board;
  });
}

export interface PublicBoard {
  date: string;
  entries: ReturnType<typeof publicDisplay>;
}

/** The screen in the waiting room: tickets or initials, the practitioner and room; never a name. */
export async function publicBoard(
  tx: Tx,
  organizationId: string,
  mode: PublicDisplayMode,
  now: number,
): Promise<PublicBoard> {
  const date = parisDateOf(now);
  const rows = await loadVisitRows(tx, organizationId, date);
  const names = new Map(rows.map((r) => [r.practitioner_id, r.practitioner_name]));
  return {
    date,
    entries: publicDisplay({ visits: rows.map(coreVisit) }, mode, (id) => names.get(id) ?? null),
  };
}
