import type { UrgencyLevel, Visit, VisitStage, VisitView } from '@pivot/core/reception';
import type { VisitRow } from './visit-repository.ts';

/** One arrival at the desk, as the routes answer it (declared in core). */
export type { VisitView };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function visitView(r: VisitRow): VisitView {
  const seen = r.stage === 'seen' && r.billed;
  return {
    id: r.id,
    ticket: r.ticket,
    stage: (seen ? 'billed' : r.stage) as VisitStage,
    patientId: r.patient_id,
    patientName: `${r.used_name || r.birth_name} ${r.used_given_name || r.first_given_name}`,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    appointmentId: r.appointment_id,
    scheduledStart: iso(r.scheduled_start),
    arrivedAt: iso(r.arrived_at)!,
    calledAt: iso(r.called_at),
    seenAt: iso(r.seen_at),
    leftAt: iso(r.left_at),
    roomId: r.room_id,
    roomLabel: r.room_label,
    siteId: r.site_id,
    walkInReason: r.walk_in_reason,
    urgency: r.urgency as UrgencyLevel,
    billed: r.billed,
    version: r.version,
  };
}

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** The core's view of a visit, for the waiting-room rules (stages, waiting times, lateness). */
export function coreVisit(r: VisitRow): Visit {
  return {
    visitId: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    scheduledStart: ms(r.scheduled_start),
    givenName: r.used_given_name || r.first_given_name,
    familyName: r.used_name || r.birth_name,
    ticket: r.ticket,
    stage: (r.stage === 'seen' && r.billed ? 'billed' : r.stage) as VisitStage,
    arrivedAt: ms(r.arrived_at)!,
    calledAt: ms(r.called_at),
    seenAt: ms(r.seen_at),
    billedAt: ms(r.billed_at),
    leftAt: ms(r.left_at),
    roomId: r.room_id,
    roomLabel: r.room_label,
  };
}
