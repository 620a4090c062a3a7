import { parisInstant, parseInstant } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Absence } from './absences.ts';
import type { OpenInterval } from './opening-hours.ts';
import { isWithinOpeningHours } from './opening-hours.ts';

export interface Bilingual {
  fr: string;
  en: string;
}

/** A motif: what the appointment is for, how long it takes and what it needs. */
export interface AppointmentType {
  id: string;
  label: Bilingual;
  durationMinutes: number;
  /** '#rrggbb', the colour of the motif in the agenda views. */
  colour: string;
  eligiblePractitionerIds: string[];
  /** Kind of room the motif needs (e.g. 'procedure_room'); null when any consultation room will do. */
  roomKind: string | null;
  /** One unit of each listed kind must be free for the whole slot. */
  equipmentKinds: string[];
  preparationInstructions: Bilingual;
  documentsToBring: Bilingual[];
  newPatientsAllowed: boolean;
  bookableOnline: boolean;
  /** Only bookable on the same day, in the ranges kept for urgent care. */
  urgentSameDayOnly: boolean;
  active: boolean;
}

export function isPractitionerEligible(type: AppointmentType, practitionerId: string): boolean {
  return type.eligiblePractitionerIds.includes(practitionerId);
}

const localDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * An appointment time from a form: an ISO instant with its offset, or a Paris wall-clock
 * 'YYYY-MM-DDTHH:MM'. A wall-clock time skipped by the spring-forward change is refused
 * (nonexistent_local_time) rather than moved, and one repeated in autumn must be sent again with
 * its offset (ambiguous_local_time): a patient must never be booked at a time nobody chose.
 */
export function resolveAppointmentTime(value: string, field = 'start'): number {
  const local = localDateTime.exec(value);
  if (local) {
    try {
      return parisInstant(local[1]!, local[2]!, { nonexistent: 'reject', ambiguous: 'reject' });
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, { field, params: error.params });
      throw error;
    }
  }
  return parseInstant(value, field);
}

export interface AppointmentCheck {
  start: number;
  end: number;
  practitionerId: string;
  type: AppointmentType;
  isNewPatient: boolean;
  /** Opening intervals of the practitioner covering the appointment's day. */
  openIntervals: readonly OpenInterval[];
  /** Absences overlapping the appointment (any person's: only the practitioner's count). */
  absences?: readonly Absence[];
  /** Booking outside opening hours or during the practitioner's absence needs a stated reason. */
  override?: { reason: string } | null;
}

export interface AppointmentCheckResult {
  outsideOpeningHours: boolean;
  duringAbsence: boolean;
  overrideReason: string | null;
}

/** The booking rules that do not need the database (overlaps are refused by its constraints). */
export function checkAppointment(check: AppointmentCheck): AppointmentCheckResult {
  if (check.end <= check.start) throw new DomainError('end_before_start', { field: 'end' });
  if (!check.type.active) throw new DomainError('appointment_type_inactive', { field: 'appointmentTypeId' });
  if (!isPractitionerEligible(check.type, check.practitionerId)) {
    throw new DomainError('practitioner_not_eligible', { field: 'practitionerId' });
  }
  if (check.isNewPatient && !check.type.newPatientsAllowed) {
    throw new DomainError('new_patients_not_allowed', { field: 'appointmentTypeId' });
  }
  const inside = isWithinOpeningHours(check.openIntervals, check.practitionerId, check.start, check.end);
  const absent = (check.absences ?? []).some(
    (a) => a.personId === check.practitionerId && a.start < check.end && check.start < a.end,
  );
  if (inside && !absent) return { outsideOpeningHours: false, duringAbsence: false, overrideReason: null };
  // Opening hours and absences are the practice's own plan: a stated reason may overrule them
  // (a practitioner coming in on a day off for one patient); the database still refuses overlaps.
  if (!check.override)
    throw new DomainError(absent ? 'practitioner_absent' : 'outside_opening_hours', { field: 'start' });
  const reason = check.override.reason.trim();
  if (!reason) throw new DomainError('override_reason_required', { field: 'overrideReason' });
  return { outsideOpeningHours: !inside, duringAbsence: absent, overrideReason: reason };
}
