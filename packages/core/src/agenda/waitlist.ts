import { type IsoWeekday, toParisLocal } from '../calendar/index.ts';
import type { AppointmentType } from './appointment-type.ts';
import type { Interval } from './intervals.ts';
import type { DayPeriod } from './slots.ts';

export interface WaitlistEntry {
  id: string;
  patientId: string;
  appointmentTypeId: string;
  preferredPractitionerId?: string | null;
  weekdays?: IsoWeekday[];
  period?: DayPeriod | null;
  /** Local dates, both included. */
  earliestDate?: string | null;
  latestDate?: string | null;
  /** ISO instant of the request: first come, first proposed. */
  requestedAt: string;
  active: boolean;
}

export interface FreedSlot extends Interval {
  practitionerId: string;
  /** The patient who gave the slot up is not offered it back. */
  freedByPatientId?: string | null;
}

export interface WaitlistMatch {
  entry: WaitlistEntry;
  /** The slot as the entry's motif would use it (its own duration from the freed start). */
  start: number;
  end: number;
}

/** Waitlist entries that could take the freed slot, oldest request first. */
export function matchWaitlist(
  entries: readonly WaitlistEntry[],
  slot: FreedSlot,
  motifs: ReadonlyMap<string, Pick<AppointmentType, 'durationMinutes' | 'eligiblePractitionerIds'>>,
): WaitlistMatch[] {
  const local = toParisLocal(slot.start);
  const matches: WaitlistMatch[] = [];
  for (const entry of entries) {
    if (!entry.active || entry.patientId === slot.freedByPatientId) continue;
    const motif = motifs.get(entry.appointmentTypeId);
    if (!motif?.eligiblePractitionerIds.includes(slot.practitionerId)) continue;
    const end = slot.start + motif.durationMinutes * 60_000;
    if (end > slot.end) continue;
    if (entry.preferredPractitionerId && entry.preferredPractitionerId !== slot.practitionerId) continue;
    if (entry.weekdays && entry.weekdays.length > 0 && !entry.weekdays.includes(local.weekday)) continue;
    if (entry.period === 'morning' && local.minutes >= 720) continue;
    if (entry.period === 'afternoon' && local.minutes < 720) continue;
    if (entry.earliestDate && local.date < entry.earliestDate) continue;
    if (entry.latestDate && local.date > entry.latestDate) continue;
    matches.push({ entry, start: slot.start, end });
  }
  return matches.sort(
    (a, b) =>
      Date.parse(a.entry.requestedAt) - Date.parse(b.entry.requestedAt) || (a.entry.id < b.entry.id ? -1 : 1),
  );
}
