import { DomainError } from '@pivot/core';
import {
  type Absence,
  absenceImpact,
  addDays,
  dailyCheck,
  findFreeSlots,
  type IsoWeekday,
  nextWorkingDay,
  parisDateOf,
  parisStartOfDay,
  patientsToNotify,
  proposeRebookings,
  type SlotMotif,
  type SlotSearchInput,
  weekdayOfDate,
} from '@pivot/core/agenda';
import type { Kysely } from 'kysely';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadAbsences } from './absence-repository.ts';
import {
  appointmentRowsOfRange,
  appointmentRowsOverlapping,
  appointmentsBetween,
  loadBusy,
  mandatoryCoverageUntil,
  patientLanguages,
  practitionerAppointmentRowsAround,
} from './appointment-repository.ts';
import { meetingsOverlapping } from './meeting-repository.ts';
import { loadOpenIntervals } from './opening-repository.ts';
import { listEquipment, listPractitioners, listRooms, listTypes, loadType } from './resource-repository.ts';
import { appointmentView } from './row-views.ts';

type Tx = Kysely<Database>;
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();

function slotView(slot: ReturnType<typeof findFreeSlots>[number]) {
  return { ...slot, start: iso(slot.start), end: iso(slot.end) };
}

/** The next free slots for a motif, computed by core over the agenda read from the database. */
export async function searchSlots(tx: Tx, organizationId: string, input: SlotSearchInput, now = Date.now()) {
  const type = await loadType(tx, organizationId, input.appointmentTypeId);
  if (!type.active) throw new DomainError('appointment_type_inactive', { field: 'appointmentTypeId' });
  const from = Math.max(now, input.from ? Date.parse(input.from) : now);
  const active = (await listPractitioners(tx, organizationId)).filter((p) => p.active).map((p) => p.id);
  const motif: SlotMotif = {
    ...type,
    eligiblePractitionerIds: type.eligiblePractitionerIds.filter((id) => active.includes(id)),
  };
  const [rooms, equipment] = await Promise.all([
    listRooms(tx, organizationId),
    listEquipment(tx, organizationId),
  ]);
  const needed = {
    practitionerIds: motif.eligiblePractitionerIds,
    roomIds: rooms.filter((r) => r.kind === type.roomKind).map((r) => r.id),
    equipmentIds: equipment.filter((e) => type.equipmentKinds.includes(e.kind)).map((e) => e.id),
  };
  const resourceIds = [...needed.practitionerIds, ...needed.roomIds, ...needed.equipmentIds];
  // Widening windows: the earliest slots are usually near, so most searches read a week of agenda,
  // not 90 days. Slots found in a window are the earliest overall (same duration, earliest first).
  const windows = [...new Set([7, 30, input.days].filter((d) => d <= input.days))];
  let slots: ReturnType<typeof findFreeSlots> = [];
  for (const days of windows) {
    const until = from + days * DAY;
    const [openIntervals, bookings, absences] = await Promise.all([
      loadOpenIntervals(tx, organizationId, parisDateOf(from), parisDateOf(until), resourceIds),
      loadBusy(tx, organizationId, from, until, needed),
      loadAbsences(tx, organizationId, from, until),
    ]);
    slots = findFreeSlots({
      motif,
      openIntervals,
      bookings,
      absences,
      rooms,
      equipment,
      now: from,
      until,
      count: input.count,
      stepMinutes: input.stepMinutes,
      urgent: input.urgent,
      preferences: {
        weekdays: input.weekdays as IsoWeekday[],
        period: input.period,
        preferredPractitionerId: input.preferredPractitionerId,
        onlyPreferredPractitioner: input.onlyPreferredPractitioner,
      },
    });
    if (slots.length >= input.count) break;
  }
  return slots.map(slotView);
}

/**
 * Everything the day and week views draw (columns, opening hours, absences, appointments,
 * meetings) for a day or week of the organization, or of one site: its practitioners (by their main site), its
 * rooms and equipment, and the appointments and absences of those (a 200-practitioner clinic
 * reads one site at a time).
 */
export async function agendaRange(
  tx: Tx,
  organizationId: string,
  fromDate: string,
  days: number,
  siteId: string | null = null,
) {
  const toDate = addDays(fromDate, days - 1);
  const start = parisStartOfDay(fromDate);
  const end = parisStartOfDay(addDays(toDate, 1));
  const [allPractitioners, allRooms, allEquipment] = await Promise.all([
    listPractitioners(tx, organizationId),
    listRooms(tx, organizationId),
    listEquipment(tx, organizationId),
  ]);
  const ofSite = <T extends { siteId: string | null }>(list: T[]) =>
    siteId ? list.filter((r) => r.siteId === siteId) : list;
  const practitioners = ofSite(allPractitioners).filter((p) => p.active);
  const rooms = ofSite(allRooms);
  const equipment = ofSite(allEquipment);
  const resourceIds = siteId ? [...practitioners, ...rooms, ...equipment].map((r) => r.id) : null;
  const practitionerIds = new Set(practitioners.map((p) => p.id));
  const roomIds = rooms.map((r) => r.id);
  const site = siteId ? { practitionerIds: [...practitionerIds], roomIds } : null;
  const [types, open, allAbsences, rows, allMeetings] = await Promise.all([
    listTypes(tx, organizationId),
    loadOpenIntervals(tx, organizationId, fromDate, toDate, resourceIds),
    loadAbsences(tx, organizationId, start, end),
    appointmentRowsOfRange(tx, organizationId, start, end, site),
    meetingsOverlapping(tx, organizationId, start, end),
  ]);
  const absences = siteId ? allAbsences.filter((a) => practitionerIds.has(a.personId)) : allAbsences;
  const meetings = siteId ? allMeetings.filter((m) => m.room_id && roomIds.includes(m.room_id)) : allMeetings;
  return {
    from: fromDate,
    to: toDate,
    practitioners,
    rooms,
    equipment,
    appointmentTypes: types.map((t) => ({
      id: t.id,
      label: t.label,
      colour: t.colour,
      durationMinutes: t.durationMinutes,
      eligiblePractitionerIds: t.eligiblePractitionerIds,
      active: t.active,
    })),
    openIntervals: open.map((o) => ({
      resourceId: o.resourceId,
      start: iso(o.start),
      end: iso(o.end),
      reservedSameDay: o.reservedSameDay,
    })),
    absences: absences.map((a) => ({ ...a, start: iso(a.start), end: iso(a.end) })),
    appointments: rows
      .map(appointmentView)
      .map(({ start: _s, end: _e, ...a }) => ({ ...a, start: a.startIso, end: a.endIso })),
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      roomId: m.room_id,
      start: iso(new Date(m.starts_at).getTime()),
      end: iso(new Date(m.ends_at).getTime()),
    })),
  };
}

async function motifsOf(tx: Tx, organizationId: string) {
  const types = await listTypes(tx, organizationId);
  return new Map<string, SlotMotif>(types.map((t) => [t.id, t]));
}

/** The appointments an absence hits, one rebooking proposal each, and the patients to notify. */
export async function absenceConsequences(
  tx: Tx,
  organizationId: string,
  absence: Absence,
  now = Date.now(),
) {
  const rows = await practitionerAppointmentRowsAround(
    tx,
    organizationId,
    absence.personId,
    absence.start,
    absence.end,
  );
  const affected = absenceImpact(absence, rows.map(appointmentView));
  const windowStart = Math.max(now, absence.start);
  const until = Math.max(absence.end, windowStart) + 60 * DAY;
  const [rooms, equipment, open, bookings, absences, motifs] = await Promise.all([
    listRooms(tx, organizationId),
    listEquipment(tx, organizationId),
    loadOpenIntervals(tx, organizationId, parisDateOf(windowStart), parisDateOf(until)),
    loadBusy(tx, organizationId, windowStart, until),
    loadAbsences(tx, organizationId, windowStart, until),
    motifsOf(tx, organizationId),
  ]);
  const proposals = proposeRebookings({
    absence,
    affected,
    motifs,
    search: {
      openIntervals: open,
      bookings,
      absences: absences.filter((a) => a.id !== absence.id),
      rooms,
      equipment,
      now: windowStart,
      until,
      stepMinutes: 15,
    },
  });
  const languages = new Map<string, 'fr' | 'en'>();
  if (affected.length > 0) {
    const patients = await patientLanguages(
      tx,
      affected.map((a) => a.patientId),
    );
    for (const p of patients) languages.set(p.id, p.language === 'en' ? 'en' : 'fr');
  }
  return {
    affected: affected.map(({ start: _s, end: _e, ...a }) => ({ ...a, start: a.startIso, end: a.endIso })),
    proposals: proposals.map((p) => ({ ...p, slot: p.slot ? slotView(p.slot) : null })),
    patientsToNotify: patientsToNotify(affected, (id) => languages.get(id)),
  };
}

/** The checklist of the next working day (core dailyCheck over the appointments of that day). */
export async function dailyCheckFor(tx: Tx, organizationId: string, today: string) {
  const date = nextWorkingDay(today);
  const start = parisStartOfDay(date);
  const end = parisStartOfDay(addDays(date, 1));
  const rows = await appointmentRowsOverlapping(tx, organizationId, start, end);
  const appointments = rows.map(appointmentView);
  const absences = await loadAbsences(tx, organizationId, start, end);
  const patientIds = [...new Set(appointments.map((a) => a.patientId))];
  const coverage = patientIds.length === 0 ? [] : await mandatoryCoverageUntil(tx, patientIds);
  const result = dailyCheck({
    today,
    appointments,
    absences,
    // Completeness rules are keyed by appointment type code in the patients capability; not linked yet.
    missingDocuments: [],
    coverage: coverage.map((c) => ({ patientId: c.patient_id, validUntil: c.valid_until })),
  });
  const names = new Map(appointments.map((a) => [a.patientId, a.patientName]));
  return { ...result, patientNames: Object.fromEntries(names) };
}

/** Appointments between two instants (list view); the read is traced with the patients it names. */
export async function appointmentList(
  db: Db,
  actor: Actor,
  range: { from: string; to: string; practitionerId?: string | undefined },
) {
  const rows = (await appointmentsBetween(db.kysely, actor.organizationId, range)).map(appointmentView);
  await db.kysely.transaction().execute((tx) =>
    auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'agenda_list',
        details: { from: range.from, to: range.to, count: rows.length },
      },
      rows.map((a) => a.patientId),
    ),
  );
  return rows.map(({ start: _s, end: _e, ...a }) => ({ ...a, start: a.startIso, end: a.endIso }));
}

/** Day view: one column per practitioner and per room, of the organization or of one site. */
export async function dayView(db: Db, actor: Actor, query: { date: string; siteId?: string | undefined }) {
  const view = await agendaRange(db.kysely, actor.organizationId, query.date, 1, query.siteId ?? null);
  await db.kysely.transaction().execute((tx) =>
    auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'agenda_day',
        details: { date: query.date, count: view.appointments.length },
      },
      view.appointments.map((a) => a.patientId),
    ),
  );
  return view;
}

/** Week view, Monday to Sunday of the week of the date. */
export async function weekView(db: Db, actor: Actor, query: { date: string; siteId?: string | undefined }) {
  const monday = addDays(query.date, 1 - weekdayOfDate(query.date));
  const view = await agendaRange(db.kysely, actor.organizationId, monday, 7, query.siteId ?? null);
  await db.kysely.transaction().execute((tx) =>
    auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'agenda_week',
        details: { from: monday, count: view.appointments.length },
      },
      view.appointments.map((a) => a.patientId),
    ),
  );
  return view;
}

/** Checklist of problems for the next working day; the read is traced with the patients named. */
export async function dailyCheckOf(db: Db, actor: Actor, today: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const check = await dailyCheckFor(tx, actor.organizationId, today);
    await auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'daily_check',
        details: { date: check.date, problems: check.problems.length },
      },
      check.problems.map((p) => ('patientId' in p ? p.patientId : null)),
    );
    return check;
  });
}
