import {
  type AgendaRangeView,
  type AgendaResourcesView,
  type AppointmentStatus,
  type AppointmentTypeView,
  type AppointmentView,
  addDays,
  type MotifView,
  parisDateOf,
  parisInstant,
  toParisLocal,
} from '@pivot/core/agenda';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../app/api.ts';

// The answers' types are inferred from core's response schemas, the ones the server serializes with.
export type Status = AppointmentStatus;
export type AppointmentItem = AppointmentView;
export type MotifItem = MotifView;
export type AgendaRange = AgendaRangeView;

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
    queryFn: () => get<AppointmentTypeView[]>('/api/agenda/appointment-types'),
  });
}

export function useResources() {
  return useQuery({
    queryKey: ['agenda', 'resources'],
    queryFn: () => get<AgendaResourcesView>('/api/agenda/resources'),
  });
}
