import { DomainError } from '@pivot/core';
import {
  type AppointmentStatus,
  type AppointmentType,
  checkAppointment,
  holdsSlot,
  matchWaitlist,
  parisDateOf,
  resolveAppointmentTime,
  type StatusChangeInput,
  transitionAppointment,
  type WaitlistEntry,
} from '@pivot/core/agenda';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { addRecordItem } from '../records/index.ts';
import { loadAbsences } from './absence-repository.ts';
import { queueNotices } from './appointment-notices.ts';
import {
  appointmentStatusEvents,
  findAppointment,
  insertStatusEvent,
  loadAppointment,
  pickFree,
  setHoldsSlot,
  updateAppointmentPlacement,
  updateAppointmentStatus,
  writeHolds,
} from './appointment-repository.ts';
import { datesAround } from './intervals.ts';
import { loadOpenIntervals } from './opening-repository.ts';
import { appointmentTypeRows, checkPractitioners, checkRoom, loadType } from './resource-repository.ts';
import { type AppointmentView, appointmentView } from './row-views.ts';
import { guardSlots } from './slot-taken.ts';
import { activeWaitlistEntries } from './waitlist-repository.ts';

type Tx = Kysely<Database>;

interface Placement {
  practitionerId: string;
  start: number;
  end: number;
  roomId: string | null;
  equipmentIds: string[];
  overrideReason: string | null;
  siteId: string | null;
}

/** Applies the booking rules of core and chooses the room and equipment the motif needs. */
async function place(
  tx: Tx,
  organizationId: string,
  type: AppointmentType,
  request: {
    practitionerId: string;
    start: number;
    end: number;
    roomId: string | null;
    equipmentIds: string[];
    override: { reason: string } | null;
    isNewPatient: boolean;
  },
  appointmentId: string | null,
): Promise<Placement> {
  await checkPractitioners(tx, organizationId, [request.practitionerId], 'practitionerId');
  const { from, to } = datesAround(request.start, request.end);
  const [open, absences] = await Promise.all([
    loadOpenIntervals(tx, organizationId, from, to, [request.practitionerId]),
    loadAbsences(tx, organizationId, request.start, request.end),
  ]);
  const checked = checkAppointment({
    absences,
    start: request.start,
    end: request.end,
    practitionerId: request.practitionerId,
    type,
    isNewPatient: request.isNewPatient,
    openIntervals: open,
    override: request.override,
  });
  const site = open.find((o) => o.start <= request.start && o.end > request.start)?.siteId ?? null;
  let roomId = request.roomId;
  if (roomId) await checkRoom(tx, organizationId, roomId);
  else if (type.roomKind) {
    roomId = await pickFree(
      tx,
      organizationId,
      'rooms',
      type.roomKind,
      request.start,
      request.end,
      appointmentId,
    );
    if (!roomId) throw new DomainError('no_room_free', { field: 'roomId' });
  }
  const equipmentIds = [...request.equipmentIds];
  if (equipmentIds.length === 0) {
    for (const kind of type.equipmentKinds) {
      const unit = await pickFree(
        tx,
        organizationId,
        'equipment',
        kind,
        request.start,
        request.end,
        appointmentId,
      );
      if (!unit) throw new DomainError('no_equipment_free', { field: 'equipmentIds' });
      equipmentIds.push(unit);
    }
  }
  return {
    practitionerId: request.practitionerId,
    start: request.start,
    end: request.end,
    roomId,
    equipmentIds,
    overrideReason: checked.overrideReason,
    siteId: site,
  };
}

const timeField = (value: string, field: string) => resolveAppointmentTime(value, field);

export interface MoveInput {
  start: string;
  end?: string | undefined;
  practitionerId?: string | undefined;
  roomId?: string | null | undefined;
  override?: { reason: string } | null | undefined;
  version: number;
}

export async function moveAppointment(db: Db, actor: Actor, id: string, input: MoveInput, now = Date.now()) {
  return guardSlots(() =>
    db.kysely.transaction().execute(async (tx) => {
      const current = await loadAppointment(tx, actor.organizationId, id);
      if (current.version !== input.version) throw new DomainError('stale_version', { field: 'version' });
      // Once the patient has arrived the appointment is happening; cancelled or over, it is history.
      if (current.status !== 'booked' && current.status !== 'confirmed')
        throw new DomainError('appointment_not_active');
      const type = await loadType(tx, actor.organizationId, current.appointmentTypeId);
      const start = timeField(input.start, 'start');
      const end = input.end ? timeField(input.end, 'end') : start + (current.end - current.start);
      if (end <= start) throw new DomainError('end_before_start', { field: 'end' });
      if (end - start > 86_400_000) throw new DomainError('appointment_too_long', { field: 'end' });
      const practitionerId = input.practitionerId ?? current.practitionerId;
      const placement = await place(
        tx,
        actor.organizationId,
        // Moving keeps the motif even if it was since withdrawn from new bookings.
        { ...type, active: true, newPatientsAllowed: true },
        {
          practitionerId,
          start,
          end,
          roomId: input.roomId === undefined ? (type.roomKind ? null : current.roomId) : input.roomId,
          equipmentIds: [],
          override: input.override ?? null,
          isNewPatient: false,
        },
        id,
      );
      const updated = await updateAppointmentPlacement(tx, id, input.version, {
        practitioner_id: practitionerId,
        starts_at: new Date(start),
        ends_at: new Date(end),
        room_id: placement.roomId,
        equipment_ids: placement.equipmentIds,
        site_id: placement.siteId,
        override_reason: placement.overrideReason,
      });
      if (!updated) throw new DomainError('stale_version', { field: 'version' });
      await writeHolds(tx, actor.organizationId, id, placement);
      await addRecordItem(tx, {
        organizationId: actor.organizationId,
        patientId: current.patientId,
        kind: 'appointment',
        title: 'appointment_moved',
        authorId: actor.userId,
        data: {
          appointmentId: id,
          from: current.startIso,
          to: new Date(start).toISOString(),
          practitionerId,
        },
      });
      await auditFrom(actor)(tx, {
        action: 'move',
        entity: 'appointment',
        entityId: id,
        patientId: current.patientId,
        details: { from: current.startIso, to: new Date(start).toISOString() },
      });
      await queueNotices(tx, actor.organizationId, id, 'cancellation', now);
      await queueNotices(tx, actor.organizationId, id, 'confirmation', now);
      return loadAppointment(tx, actor.organizationId, id);
    }),
  );
}

/** Waitlist entries that could take the time an appointment gave up. */
export async function waitlistMatchesFor(
  tx: Tx,
  organizationId: string,
  freed: { start: number; end: number; practitionerId: string; patientId: string },
) {
  const [entries, types] = await Promise.all([
    activeWaitlistEntries(tx, organizationId),
    appointmentTypeRows(tx, organizationId),
  ]);
  const motifs = new Map(
    types.map((t) => [
      t.id,
      { durationMinutes: t.duration_minutes, eligiblePractitionerIds: t.eligible_practitioner_ids },
    ]),
  );
  const list: WaitlistEntry[] = entries.map((e) => ({
    id: e.id,
    patientId: e.patient_id,
    appointmentTypeId: e.appointment_type_id,
    preferredPractitionerId: e.preferred_practitioner_id,
    weekdays: e.weekdays as WaitlistEntry['weekdays'],
    period: e.period,
    earliestDate: e.earliest_date,
    latestDate: e.latest_date,
    requestedAt: new Date(e.requested_at).toISOString(),
    active: e.active,
  }));
  return matchWaitlist(list, { ...freed, freedByPatientId: freed.patientId }, motifs).map((m) => ({
    waitlistEntryId: m.entry.id,
    patientId: m.entry.patientId,
    appointmentTypeId: m.entry.appointmentTypeId,
    practitionerId: freed.practitionerId,
    start: new Date(m.start).toISOString(),
    end: new Date(m.end).toISOString(),
  }));
}

export async function changeStatus(
  db: Db,
  actor: Actor,
  id: string,
  input: StatusChangeInput,
  now = Date.now(),
) {
  return db.kysely.transaction().execute((tx) => changeStatusIn(tx, actor, id, input, now));
}

/** The status change inside a caller's transaction (the reception desk moves its visit with it). */
export async function changeStatusIn(
  tx: Tx,
  actor: Actor,
  id: string,
  input: StatusChangeInput,
  now = Date.now(),
) {
  const current = await loadAppointment(tx, actor.organizationId, id);
  const waitlistMatches = await applyStatusChange(tx, actor, current, input, now);
  return { appointment: await loadAppointment(tx, actor.organizationId, id), waitlistMatches };
}

/** What the reception desk needs of an appointment whose patient has just arrived. */
export interface ArrivedAppointment {
  id: string;
  patientId: string;
  practitionerId: string;
  siteId: string | null;
  start: number;
}

/**
 * Marks the patient of an appointment arrived inside the desk's transaction. The row is read once
 * here: the desk used to read it itself and then have it read again by the status change.
 */
export async function markAppointmentArrivedIn(
  tx: Tx,
  actor: Actor,
  input: { appointmentId: string; version: number },
  now = Date.now(),
): Promise<ArrivedAppointment> {
  const row = await findAppointment(tx, actor.organizationId, input.appointmentId);
  if (!row) throw new DomainError('not_found', { field: 'appointmentId' });
  const current = appointmentView(row);
  if (current.status === 'cancelled')
    throw new DomainError('appointment_cancelled', { field: 'appointmentId' });
  if (current.status === 'arrived' || current.status === 'in_consultation')
    throw new DomainError('already_arrived', { field: 'appointmentId' });
  if (parisDateOf(current.start) !== parisDateOf(now))
    throw new DomainError('arrival_not_today', { field: 'appointmentId' });
  await applyStatusChange(tx, actor, current, { to: 'arrived', version: input.version, reason: null }, now);
  return {
    id: current.id,
    patientId: current.patientId,
    practitionerId: current.practitionerId,
    siteId: current.siteId,
    start: current.start,
  };
}

/**
 * The appointment follows its visit through the waiting room (called in, seen, left) inside the
 * desk's transaction. The desk holds the visit's version, not the appointment's: the change applies
 * to the appointment as it is now.
 */
export async function followVisitIn(
  tx: Tx,
  actor: Actor,
  appointmentId: string,
  change: { to: 'in_consultation' | 'seen' | 'cancelled'; reason: string | null },
  now = Date.now(),
): Promise<void> {
  const current = await loadAppointment(tx, actor.organizationId, appointmentId);
  await applyStatusChange(tx, actor, current, { ...change, version: current.version }, now);
}

/** Writes a status change of an appointment already read; answers the waitlist entries a freed slot suits. */
async function applyStatusChange(
  tx: Tx,
  actor: Actor,
  current: AppointmentView,
  input: StatusChangeInput,
  now: number,
) {
  const id = current.id;
  if (current.version !== input.version) throw new DomainError('stale_version', { field: 'version' });
  const event = transitionAppointment(current.status, {
    to: input.to,
    authorId: actor.userId,
    at: new Date(now).toISOString(),
    reason: input.reason,
  });
  const updated = await updateAppointmentStatus(tx, id, input.version, event.to);
  if (!updated) throw new DomainError('stale_version', { field: 'version' });
  const holds = holdsSlot(event.to);
  if (holds !== holdsSlot(event.from)) {
    // A no-show undone puts the hold back: refused by the constraint if the slot was retaken meanwhile.
    await guardSlots(() => setHoldsSlot(tx, id, holds));
  }
  await insertStatusEvent(tx, actor.organizationId, {
    appointment_id: id,
    from_status: event.from,
    to_status: event.to,
    reason: event.reason,
    author_id: actor.userId,
    at: new Date(event.at),
  });
  await addRecordItem(tx, {
    organizationId: actor.organizationId,
    patientId: current.patientId,
    kind: 'appointment',
    title: `appointment_${event.to}`,
    body: event.reason ?? '',
    authorId: actor.userId,
    data: { appointmentId: id, from: event.from, to: event.to, start: current.startIso },
  });
  await auditFrom(actor)(tx, {
    action: 'status',
    entity: 'appointment',
    entityId: id,
    patientId: current.patientId,
    details: { from: event.from, to: event.to },
  });
  if (event.to === 'cancelled') await queueNotices(tx, actor.organizationId, id, 'cancellation', now);
  const freed = !holds && holdsSlot(event.from) && current.start > now;
  return freed
    ? await waitlistMatchesFor(tx, actor.organizationId, {
        start: current.start,
        end: current.end,
        practitionerId: current.practitionerId,
        patientId: current.patientId,
      })
    : [];
}

export async function statusHistory(db: Db, actor: Actor, id: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const appointment = await loadAppointment(tx, actor.organizationId, id);
    const events = await appointmentStatusEvents(tx, id);
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'appointment',
      entityId: id,
      patientId: appointment.patientId,
    });
    return {
      appointment,
      history: events.map((e) => ({
        from: e.from_status as AppointmentStatus | null,
        to: e.to_status as AppointmentStatus,
        reason: e.reason,
        at: new Date(e.at).toISOString(),
        authorId: e.author_id,
        authorName: e.display_name,
      })),
    };
  });
}
