import { parisToday } from '@pivot/core/calendar';
import type { organizationView } from '@pivot/core/organization';
import type {
  ColleagueView,
  DeskAppointmentView,
  DeskDayView,
  MessageCountersView,
  PublicBoardView,
  UrgencyLevel,
  VisitStage,
  VisitView,
  WaitingRoomBoardView,
} from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { get } from '../app/api.ts';

export type Urgency = UrgencyLevel;
export const urgencies: Urgency[] = ['routine', 'soon', 'urgent', 'vital'];
export const urgencyColour: Record<Urgency, string> = {
  routine: 'gray',
  soon: 'blue',
  urgent: 'orange',
  vital: 'red',
};

// The answers' types are inferred from core's response schemas, the ones the server serializes with.
export type { VisitStage };
/** One arrival at the desk. */
export type Visit = VisitView;
/** Ids, with the names and labels they point to given once in `DeskDay`. */
export type DeskAppointment = DeskAppointmentView;
export type DeskDay = DeskDayView;
export type WaitingRoomBoard = WaitingRoomBoardView;
export type PublicBoard = PublicBoardView;
export type Colleague = ColleagueView;

export function useColleagues() {
  return useQuery({
    queryKey: ['reception', 'colleagues'],
    queryFn: () => get<Colleague[]>('/api/reception/colleagues'),
    staleTime: 300_000,
  });
}

export function todayInParis() {
  return parisToday();
}

export function timeOf(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/**
 * A board kept live by server-sent events: the server pushes the whole board after each change
 * (any desk, any screen); the browser's EventSource reconnects by itself after a network cut.
 */
export function useLiveBoard<T>(path: string): { board: T | null; connected: boolean } {
  const [board, setBoard] = useState<T | null>(null);
  const [connected, setConnected] = useState(false);
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource(path, { withCredentials: true });
    source.addEventListener('board', (event) => {
      setBoard(JSON.parse((event as MessageEvent<string>).data) as T);
      setConnected(true);
      // The desk's list shows visit stages too.
      void client.invalidateQueries({ queryKey: ['reception', 'desk'] });
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [path, client]);
  return { board, connected };
}

export type MessageCounters = MessageCountersView;

export function useMessageCounters() {
  return useQuery({
    queryKey: ['reception', 'messages', 'counters'],
    queryFn: () => get<MessageCounters>('/api/reception/messages/mine/counters'),
    refetchInterval: 30_000,
  });
}

/** GET /api/organization: its sites and rooms (the same query as the organization's panel). */
export type Organization = z.input<typeof organizationView>;
export type Room = Organization['rooms'][number];

export function useOrganization() {
  return useQuery({
    queryKey: ['organization'],
    queryFn: () => get<Organization>('/api/organization'),
    staleTime: 300_000,
  });
}

export interface RoomChoice {
  value: string;
  label: string;
}

/**
 * The rooms a patient may be called to: those in use, of the visit's site or of no site (the
 * server refuses the others), meeting rooms left out. When the visit has no site and the organization several, each room
 * says its site, since two sites may both have a "Cabinet 1".
 */
export function roomChoices(
  organization: Pick<Organization, 'sites' | 'rooms'>,
  visit: Pick<Visit, 'siteId'>,
): RoomChoice[] {
  const siteName = new Map(organization.sites.map((s) => [s.id, s.name]));
  const named = !visit.siteId && organization.sites.length > 1;
  return (
    organization.rooms
      // A meeting room is not where a patient is seen.
      .filter((r) => r.active && r.kind !== 'meeting')
      .filter((r) => !visit.siteId || !r.siteId || r.siteId === visit.siteId)
      .map((r) => ({
        value: r.id,
        label: named && r.siteId ? `${r.name} — ${siteName.get(r.siteId) ?? ''}` : r.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr', { numeric: true }))
  );
}

/** The room the practitioner was last called into, when it is still one of the choices. */
export function preselectedRoom(
  choices: readonly RoomChoice[],
  lastRoomByPractitioner: Record<string, string>,
  practitionerId: string | null,
): string | null {
  const last = practitionerId ? lastRoomByPractitioner[practitionerId] : undefined;
  return last && choices.some((c) => c.value === last) ? last : null;
}

/** A wait of the statistics: none yet (no one called), under a minute, or whole minutes. */
export function waitText(
  minutes: number | null,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (minutes === null) return '—';
  if (minutes === 0) return t('board.underAMinute');
  return t('board.minutes', { count: minutes });
}
