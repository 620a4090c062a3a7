import { addDays, type IsoWeekday, parisStartOfDay, weekdayOfDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Absence, AgendaAppointment } from './absences.ts';
import { holdsSlot } from './appointment-status.ts';
import { publicHolidayDates } from './holidays.ts';
import { overlaps } from './intervals.ts';

export interface WorkingDayOptions {
  /** Defaults to Monday–Friday. */
  workingWeekdays?: readonly IsoWeekday[];
  holidays?: ReadonlySet<string>;
}

/** The first working day after `today` (weekends and public holidays skipped). */
export function nextWorkingDay(today: string, options: WorkingDayOptions = {}): string {
  const working = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
  if (working.size === 0) throw new DomainError('no_working_weekday', { field: 'workingWeekdays' });
  const holidays = options.holidays ?? publicHolidayDates(today, addDays(today, 400));
  let date = addDays(today, 1);
  while (!working.has(weekdayOfDate(date)) || holidays.has(date)) date = addDays(date, 1);
  return date;
}

export type DailyProblem =
  | { kind: 'unconfirmed_appointment'; appointmentId: string; patientId: string; practitionerId: string }
  | { kind: 'missing_documents'; appointmentId: string; patientId: string; documents: string[] }
  | { kind: 'room_conflict'; roomId: string; appointmentIds: [string, string] }
  | { kind: 'absent_practitioner'; practitionerId: string; absenceId: string; appointmentIds: string[] }
  | { kind: 'expired_coverage'; patientId: string; validUntil: string; appointmentIds: string[] };

export interface DailyCheckInput extends WorkingDayOptions {
  today: string;
  appointments: readonly AgendaAppointment[];
  absences: readonly Absence[];
  /** Results of the completeness rules: documents still missing per appointment. */
  missingDocuments: readonly { appointmentId: string; documents: string[] }[];
  /** Last valid day of each patient's mandatory insurance rights. */
  coverage: readonly { patientId: string; validUntil: string | null }[];
}

export interface DailyCheck {
  date: string;
  problems: DailyProblem[];
}

/** The checklist of problems for the next working day, in a stable order. */
export function dailyCheck(input: DailyCheckInput): DailyCheck {
  const date = nextWorkingDay(input.today, input);
  const day = { start: parisStartOfDay(date), end: parisStartOfDay(addDays(date, 1)) };
  const appointments = input.appointments
    .filter((a) => holdsSlot(a.status) && overlaps(a, day))
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  const problems: DailyProblem[] = [];

  for (const a of appointments) {
    if (a.status === 'booked') {
      problems.push({
        kind: 'unconfirmed_appointment',
        appointmentId: a.id,
        patientId: a.patientId,
        practitionerId: a.practitionerId,
      });
    }
  }

  const missing = new Map(input.missingDocuments.map((m) => [m.appointmentId, m.documents]));
  for (const a of appointments) {
    const documents = missing.get(a.id);
    if (documents && documents.length > 0)
      problems.push({ kind: 'missing_documents', appointmentId: a.id, patientId: a.patientId, documents });
  }

  const byRoom = new Map<string, AgendaAppointment[]>();
  for (const a of appointments) {
    if (!a.roomId) continue;
    const list = byRoom.get(a.roomId) ?? [];
    list.push(a);
    byRoom.set(a.roomId, list);
  }
  for (const [roomId, list] of byRoom) {
    // Sorted by start: keep the appointment reaching furthest, every later start before its end clashes.
    let furthest = list[0]!;
    for (const a of list.slice(1)) {
      if (a.start < furthest.end)
        problems.push({ kind: 'room_conflict', roomId, appointmentIds: [furthest.id, a.id] });
      if (a.end > furthest.end) furthest = a;
    }
  }

  for (const absence of input.absences) {
    if (!overlaps(absence, day)) continue;
    const ids = appointments
      .filter((a) => a.practitionerId === absence.personId && overlaps(a, absence))
      .map((a) => a.id);
    if (ids.length > 0)
      problems.push({
        kind: 'absent_practitioner',
        practitionerId: absence.personId,
        absenceId: absence.id,
        appointmentIds: ids,
      });
  }

  const coverage = new Map(input.coverage.map((c) => [c.patientId, c.validUntil]));
  const byPatient = new Map<string, string[]>();
  for (const a of appointments) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a.id]);
  for (const [patientId, appointmentIds] of byPatient) {
    const validUntil = coverage.get(patientId);
    if (validUntil && validUntil < date)
      problems.push({ kind: 'expired_coverage', patientId, validUntil, appointmentIds });
  }
  return { date, problems };
}
