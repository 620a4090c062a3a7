import { parisToday } from '@pivot/core/calendar';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get } from '../app/api.ts';

export type Urgency = 'routine' | 'soon' | 'urgent' | 'vital';
export const urgencies: Urgency[] = ['routine', 'soon', 'urgent', 'vital'];
export const urgencyColour: Record<Urgency, string> = {
  routine: 'gray',
  soon: 'blue',
  urgent: 'orange',
  vital: 'red',
};

export type VisitStage = 'waiting' | 'in_consultation' | 'seen' | 'billed' | 'left';

/** Server `VisitView`: one arrival at the desk. */
export interface Visit {
  id: string;
  ticket: number;
  stage: VisitStage;
  patientId: string;
  patientName: string;
  practitionerId: string | null;
  practitionerName: string | null;
  appointmentId: string | null;
  scheduledStart: string | null;
  arrivedAt: string;
  calledAt: string | null;
  seenAt: string | null;
  leftAt: string | null;
  roomLabel: string | null;
  walkInReason: string;
  urgency: Urgency;
  billed: boolean;
  version: number;
}

/** Server `DeskAppointment`: ids, with the names and labels they point to given once in `DeskDay`. */
export interface DeskAppointment {
  appointmentId: string;
  version: number;
  start: string;
  status: string;
  patientId: string;
  patientName: string;
  birthDate: string;
  practitionerId: string;
  appointmentTypeId: string;
  comment: string;
  identityToCheck: boolean;
  coverageExpiredOn: string | null;
  noMandatoryCoverage: boolean;
  missingDocuments: string[];
  /** The ticket and stage; the waiting-room board has the whole visit. */
  visit: Pick<Visit, 'id' | 'ticket' | 'stage' | 'version'> | null;
}

export interface DeskDay {
  date: string;
  appointments: DeskAppointment[];
  walkIns: Visit[];
  practitioners: Record<string, string>;
  appointmentTypes: Record<string, { fr: string; en: string }>;
  requirementLabels: Record<string, { fr: string; en: string }>;
}

export interface WaitingRoomBoard {
  date: string;
  at: string;
  visits: (Visit & { waitingMinutes: number })[];
  stats: {
    practitionerId: string | null;
    practitionerName: string | null;
    patients: number;
    averageMinutes: number;
    maxMinutes: number;
  }[];
  late: { practitionerId: string; practitionerName: string | null; lateMinutes: number }[];
  billingQueue: string[];
}

export interface PublicBoard {
  date: string;
  entries: {
    label: string;
    stage: 'waiting' | 'in_consultation';
    practitionerLabel: string | null;
    roomLabel: string | null;
  }[];
}

export interface Colleague {
  id: string;
  displayName: string;
  role: string;
  specialty: string | null;
}

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

export interface MessageCounters {
  unread: number;
  open: number;
  overdue: number;
  urgent: number;
}

export function useMessageCounters() {
  return useQuery({
    queryKey: ['reception', 'messages', 'counters'],
    queryFn: () => get<MessageCounters>('/api/reception/messages/mine/counters'),
    refetchInterval: 30_000,
  });
}
