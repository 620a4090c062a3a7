import { addDays, parisDateOf, parisInstant, toParisLocal } from '@pivot/core/agenda';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../app/api.ts';

export type Status =
  | 'booked'
  | 'confirmed'
  | 'arrived'
  | 'in_consultation'
  | 'seen'
  | 'cancelled'
  | 'no_show';

export interface AppointmentItem {
  id: string;
  patientId: string;
  patientName: string;
  practitionerId: string;
  appointmentTypeId: string;
  roomId: string | null;
  start: string;
  end: string;
  status: Status;
  comment: string;
  overrideReason: string | null;
  version: number;
}

export interface MotifItem {
  id: string;
  label: { fr: string; en: string };
  colour: string;
  durationMinutes: number;
  eligiblePractitionerIds: string[];
  active: boolean;
}

export interface AgendaRange {
  from: string;
  to: string;
  practitioners: { id: string; name: string; specialty: string | null }[];
  rooms: { id: string; name: string; kind: string }[];
  appointmentTypes: MotifItem[];
  openIntervals: { resourceId: string; start: string; end: string; reservedSameDay: boolean }[];
  absences: { id: string; personId: string; kind: string; start: string; end: string }[];
  appointments: AppointmentItem[];
  meetings: { id: string; title: string; roomId: string | null; start: string; end: string }[];
}

export const GRID_START = 7 * 60;
export const GRID_END = 20 * 60;
export const PX_PER_MINUTE = 1.1;

export const todayDate = () => parisDateOf(Date.now());
export { addDays };

/** Minutes since local midnight of an ISO instant, in Paris. */
export const localMinutes = (iso: string) => toParisLocal(Date.parse(iso)).minutes;
export const localDate = (iso: string) => toParisLocal(Date.parse(iso)).date;
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
export const timeOf = (iso: string) => hhmm(localMinutes(iso));
/** The Paris wall-clock form the API accepts: 'YYYY-MM-DDTHH:MM'. */
export const wallClock = (date: string, minutes: number) => `${date}T${hhmm(minutes)}`;
export const isoAt = (date: string, minutes: number) =>
  new Date(
    parisInstant(date, hhmm(minutes), { nonexistent: 'transition', ambiguous: 'earlier' }),
  ).toISOString();

export const activeStatuses: Status[] = ['booked', 'confirmed', 'arrived', 'in_consultation'];

/** The day or week of the whole organization, or of one site when `siteId` is given. */
export function useAgendaRange(kind: 'day' | 'week', date: string, siteId: string | null = null) {
  return useQuery({
    queryKey: ['agenda', kind, date, siteId],
    queryFn: () => get<AgendaRange>(`/api/agenda/${kind}?date=${date}${siteId ? `&siteId=${siteId}` : ''}`),
    placeholderData: keepPreviousData,
  });
}

export function useMotifs() {
  return useQuery({
    queryKey: ['agenda', 'motifs'],
    queryFn: () => get<MotifItem[]>('/api/agenda/appointment-types'),
  });
}

export function useResources() {
  return useQuery({
    queryKey: ['agenda', 'resources'],
    queryFn: () =>
      get<{
        practitioners: { id: string; name: string; active: boolean }[];
        rooms: { id: string; name: string; kind: string }[];
        sites: { id: string; name: string }[];
      }>('/api/agenda/resources'),
  });
}
