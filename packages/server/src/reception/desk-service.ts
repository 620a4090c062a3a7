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
  type WaitingStats,
  type WalkInInput,
  waitingStats,
} from '@pivot/core/reception';
import { missingBeforeVisit } from '@pivot/core/records';
import type { Kysely } from 'kysely';
import { followVisitIn, markAppointmentArrivedIn } from '../agenda/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { publishWaitingRoomChange } from './board-events.ts';
import {
  type DeskAppointmentRow,
  deskDayDocument,
  findPractitioner,
  findRoom,
  findWalkInPatient,
  insertVisit,
  lastRoomsOf,
  loadVisitRow,
  loadVisitRows,
  nextTicket,
  updateVisitStage,
} from './visit-repository.ts';
import { coreVisit, type VisitView, visitView } from './visits.ts';

type Tx = Kysely<Database>;

/** A practitioner is shown late when the first patient waiting for them waited this long past the time. */
export const lateThresholdMinutes = 15;

function uniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

async function loadVisit(tx: Tx, organizationId: string, id: string) {
  const row = await loadVisitRow(tx, organizationId, id);
  if (!row) throw new DomainError('visit_not_found', { field: 'visitId' });
  return row;
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
    const doc = await deskDayDocument(tx, actor.organizationId, { ...query, start, end });
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
    const inserted = await insertVisit(tx, actor.organizationId, {
      site_id: appointment.siteId,
      patient_id: appointment.patientId,
      appointment_id: appointment.id,
      practitioner_id: appointment.practitionerId,
      day,
      ticket,
      scheduled_start: new Date(appointment.start),
      arrived_at: new Date(now),
      created_by: actor.userId,
    }).catch((error: unknown) => {
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
    const patient = await findWalkInPatient(tx, actor.organizationId, input.patientId);
    if (!patient) throw new DomainError('not_found', { field: 'patientId' });
    if (patient.merged_into) throw new DomainError('patient_merged', { field: 'patientId' });
    if (input.practitionerId) {
      const practitioner = await findPractitioner(tx, actor.organizationId, input.practitionerId);
      if (!practitioner) throw new DomainError('not_found', { field: 'practitionerId' });
    }
    const day = parisDateOf(now);
    const ticket = await nextTicket(tx, actor.organizationId, day);
    const inserted = await insertVisit(tx, actor.organizationId, {
      site_id: input.siteId,
      patient_id: input.patientId,
      practitioner_id: input.practitionerId,
      day,
      ticket,
      arrived_at: new Date(now),
      walk_in_reason: input.reason,
      urgency: input.urgency,
      created_by: actor.userId,
    });
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

/**
 * The room a patient is called to: one of the organization's rooms in use, of the visit's site
 * (a room with no site serves every site; a visit with no site may go to any room).
 */
async function roomToCall(tx: Tx, organizationId: string, roomId: string, visitSiteId: string | null) {
  const room = await findRoom(tx, organizationId, roomId);
  if (!room) throw new DomainError('reference_not_found', { field: 'roomId' });
  if (!room.active) throw new DomainError('room_inactive', { field: 'roomId' });
  if (visitSiteId && room.site_id && room.site_id !== visitSiteId)
    throw new DomainError('room_other_site', { field: 'roomId' });
  return room;
}

/** Called in, seen, or left without being seen; the core refuses moves out of order. */
export async function moveVisit(db: Db, actor: Actor, id: string, input: VisitMoveInput, now = Date.now()) {
  const visit = await db.kysely.transaction().execute(async (tx) => {
    const row = await loadVisit(tx, actor.organizationId, id);
    if (row.version !== input.version) throw new DomainError('stale_version', { field: 'version' });
    const current = coreVisit(row);
    const room =
      input.to === 'in_consultation' && input.roomId
        ? await roomToCall(tx, actor.organizationId, input.roomId, row.site_id)
        : null;
    const event: WaitingRoomEvent =
      input.to === 'in_consultation'
        ? {
            kind: 'called_in',
            visitId: id,
            at: now,
            roomId: room?.id ?? null,
            roomLabel: room ? room.name : input.roomLabel,
          }
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
    const updated = await updateVisitStage(tx, id, input.version, {
      stage: next!.stage,
      called_at: next!.calledAt === null ? null : new Date(next!.calledAt),
      seen_at: next!.seenAt === null ? null : new Date(next!.seenAt),
      left_at: next!.leftAt === null ? null : new Date(next!.leftAt),
      room_id: next!.roomId,
      room_label: next!.roomLabel,
    });
    if (!updated) throw new DomainError('stale_version', { field: 'version' });
    await auditFrom(actor)(tx, {
      action: input.to,
      entity: 'reception_visit',
      entityId: id,
      patientId: row.patient_id,
      details: { from: current.stage, to: next!.stage, ...(next!.roomId ? { roomId: next!.roomId } : {}) },
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
  stats: (WaitingStats & { practitionerName: string | null })[];
  lastRoomByPractitioner: Record<string, string>;
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
    stats: waitingStats(state).map((s) => ({
      ...s,
      practitionerName: names.get(s.practitionerId) ?? null,
    })),
    late: latePractitioners(state, now, lateThresholdMinutes).map((l) => ({
      practitionerId: l.practitionerId,
      practitionerName: names.get(l.practitionerId) ?? null,
      lateMinutes: l.lateMinutes,
    })),
    billingQueue: billingQueue(state).map((v) => v.visitId),
    lastRoomByPractitioner: await lastRoomsOf(
      tx,
      organizationId,
      [...new Set(rows.map((r) => r.practitioner_id))].filter((p): p is string => p !== null),
    ),
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
