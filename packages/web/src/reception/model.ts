import { parisToday } from '@pivot/core/calendar';
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
