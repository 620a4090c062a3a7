import { addDays, parisStartOfDay } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Language } from '../errors/messages.ts';
import { type AppointmentStatus, holdsSlot } from './appointment-status.ts';
import { type Interval, overlaps } from './intervals.ts';
import { type BusyInterval, findFreeSlots, type Slot, type SlotSearch } from './slots.ts';

/** 'external' is a busy period imported from the person's own calendar (.ics), never declared by hand. */
export const absenceKinds = ['holiday', 'sickness', 'training', 'external'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];
export const declarableAbsenceKinds = ['holiday', 'sickness', 'training'] as const;

export interface Absence extends Interval {
  id: string;
  personId: string;
  kind: AbsenceKind;
}

/** A whole-day absence from `fromDate` to `toDate` included, as Paris local midnights. */
export function absenceSpan(fromDate: string, toDate: string): Interval {
  if (toDate < fromDate) throw new DomainError('end_before_start', { field: 'toDate' });
  return { start: parisStartOfDay(fromDate), end: parisStartOfDay(addDays(toDate, 1)) };
}

/** Refuses an absence that overlaps another absence of the same person (its own earlier version excepted). */
export function checkAbsenceOverlap(absence: Absence, existing: readonly Absence[]): void {
  if (absence.end <= absence.start) throw new DomainError('end_before_start', { field: 'end' });
  const clash = existing.find(
    (other) => other.id !== absence.id && other.personId === absence.personId && overlaps(other, absence),
  );
  if (clash) throw new DomainError('absence_overlap', { field: 'start', params: { absenceId: clash.id } });
}

export interface AgendaAppointment extends Interval {
  id: string;
  patientId: string;
  practitionerId: string;
  appointmentTypeId: string;
  status: AppointmentStatus;
  roomId?: string | null;
  equipmentIds?: string[];
}

/** Appointments still holding a slot with the absent person during the absence, in time order. */
export function absenceImpact<T extends AgendaAppointment>(
  absence: Absence,
  appointments: readonly T[],
): T[] {
  return appointments
    .filter((a) => a.practitionerId === absence.personId && holdsSlot(a.status) && overlaps(a, absence))
    .sort((a, b) => a.start - b.start);
}

export interface RebookingProposal {
  appointmentId: string;
  patientId: string;
  slot: Slot | null;
}

export interface RebookingContext {
  absence: Absence;
  affected: readonly AgendaAppointment[];
  /** Search settings shared by every motif (opening hours, bookings, absences, rooms, now, window...). */
  search: Omit<SlotSearch, 'motif' | 'count' | 'preferences'>;
  motifs: ReadonlyMap<string, SlotSearch['motif']>;
}

/**
 * One proposal per affected appointment, in appointment order. Each proposed slot is held for the
 * rest of the run, so two patients are never offered the same practitioner, room or equipment.
 */
export function proposeRebookings(context: RebookingContext): RebookingProposal[] {
  const affectedIds = new Set(context.affected.map((a) => a.id));
  const held: BusyInterval[] = [];
  const absences = [...(context.search.absences ?? []), context.absence];
  const proposals: RebookingProposal[] = [];
  const bookings = context.search.bookings;
  for (const appointment of context.affected) {
    const motif = context.motifs.get(appointment.appointmentTypeId);
    if (!motif) {
      proposals.push({ appointmentId: appointment.id, patientId: appointment.patientId, slot: null });
      continue;
    }
    const [slot] = findFreeSlots({
      ...context.search,
      motif,
      count: 1,
      absences,
      // The affected appointments themselves no longer hold their time.
      bookings: [...bookings.filter((b) => !b.appointmentId || !affectedIds.has(b.appointmentId)), ...held],
    });
    if (slot) {
      for (const resourceId of [slot.practitionerId, slot.roomId, ...slot.equipmentIds]) {
        if (resourceId) held.push({ resourceId, start: slot.start, end: slot.end });
      }
    }
    proposals.push({ appointmentId: appointment.id, patientId: appointment.patientId, slot: slot ?? null });
  }
  return proposals;
}

export interface PatientToNotify {
  patientId: string;
  language: Language;
  appointmentIds: string[];
}

/** Each affected patient once, in the language they read notices in (French by default). */
export function patientsToNotify(
  affected: readonly AgendaAppointment[],
  languageOf: (patientId: string) => Language | null | undefined,
): PatientToNotify[] {
  const byPatient = new Map<string, PatientToNotify>();
  for (const appointment of affected) {
    const entry = byPatient.get(appointment.patientId) ?? {
      patientId: appointment.patientId,
      language: languageOf(appointment.patientId) ?? 'fr',
      appointmentIds: [],
    };
    entry.appointmentIds.push(appointment.id);
    byPatient.set(appointment.patientId, entry);
  }
  return [...byPatient.values()];
}
