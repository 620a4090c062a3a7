import { DomainError } from '../errors/domain-error.ts';

export type VisitStage = 'waiting' | 'in_consultation' | 'seen' | 'billed' | 'left';

export type WaitingRoomEvent =
  | {
      kind: 'arrived';
      /** The appointment id, or a walk-in id. */
      visitId: string;
      at: number;
      patientId: string;
      practitionerId: string | null;
      /** Null for a walk-in. */
      scheduledStart: number | null;
      givenName: string;
      familyName: string;
    }
  | { kind: 'called_in'; visitId: string; at: number; roomId?: string | null; roomLabel?: string | null }
  | { kind: 'seen'; visitId: string; at: number }
  | { kind: 'billed'; visitId: string; at: number }
  /** Left without being seen. */
  | { kind: 'left'; visitId: string; at: number };

export interface Visit {
  visitId: string;
  patientId: string;
  practitionerId: string | null;
  scheduledStart: number | null;
  givenName: string;
  familyName: string;
  /** Order of arrival in the day, from 1: what the public display shows. */
  ticket: number;
  stage: VisitStage;
  arrivedAt: number;
  calledAt: number | null;
  seenAt: number | null;
  billedAt: number | null;
  leftAt: number | null;
  /** The organization's room called to, when picked from them; its name is `roomLabel`. */
  roomId: string | null;
  roomLabel: string | null;
}

export interface WaitingRoomState {
  visits: Visit[];
}

export const emptyWaitingRoom: WaitingRoomState = { visits: [] };

const allowedFrom: Record<Exclude<WaitingRoomEvent['kind'], 'arrived'>, VisitStage> = {
  called_in: 'waiting',
  seen: 'in_consultation',
  billed: 'seen',
  left: 'waiting',
};
const stageAfter: Record<Exclude<WaitingRoomEvent['kind'], 'arrived'>, VisitStage> = {
  called_in: 'in_consultation',
  seen: 'seen',
  billed: 'billed',
  left: 'left',
};

/** One step of the day's waiting room; refuses events out of order (e.g. seen before called in). */
export function applyWaitingRoomEvent(state: WaitingRoomState, event: WaitingRoomEvent): WaitingRoomState {
  const index = state.visits.findIndex((v) => v.visitId === event.visitId);
  if (event.kind === 'arrived') {
    if (index >= 0) throw new DomainError('already_arrived', { field: 'visitId' });
    const visit: Visit = {
      visitId: event.visitId,
      patientId: event.patientId,
      practitionerId: event.practitionerId,
      scheduledStart: event.scheduledStart,
      givenName: event.givenName,
      familyName: event.familyName,
      ticket: state.visits.length + 1,
      stage: 'waiting',
      arrivedAt: event.at,
      calledAt: null,
      seenAt: null,
      billedAt: null,
      leftAt: null,
      roomId: null,
      roomLabel: null,
    };
    return { visits: [...state.visits, visit] };
  }
  const visit = state.visits[index];
  if (!visit) throw new DomainError('visit_not_found', { field: 'visitId' });
  if (visit.stage !== allowedFrom[event.kind]) {
    throw new DomainError('invalid_transition', {
      field: 'stage',
      params: { from: visit.stage, to: stageAfter[event.kind] },
    });
  }
  const next: Visit = { ...visit, stage: stageAfter[event.kind] };
  if (event.kind === 'called_in') {
    next.calledAt = event.at;
    next.roomId = event.roomId ?? null;
    next.roomLabel = event.roomLabel ?? null;
  } else if (event.kind === 'seen') next.seenAt = event.at;
  else if (event.kind === 'billed') next.billedAt = event.at;
  else next.leftAt = event.at;
  const visits = [...state.visits];
  visits[index] = next;
  return { visits };
}

/** The state of the day, replayed from its events in time order. */
export function waitingRoomState(events: readonly WaitingRoomEvent[]): WaitingRoomState {
  return [...events].sort((a, b) => a.at - b.at).reduce(applyWaitingRoomEvent, emptyWaitingRoom);
}

const MINUTE = 60_000;

export interface WaitingEntry {
  visit: Visit;
  waitingMinutes: number;
}

/** Who is waiting, for whom, since when: in order of arrival. */
export function waitingList(state: WaitingRoomState, now: number): WaitingEntry[] {
  return state.visits
    .filter((v) => v.stage === 'waiting')
    .map((visit) => ({ visit, waitingMinutes: Math.max(0, Math.floor((now - visit.arrivedAt) / MINUTE)) }));
}

export function inConsultation(state: WaitingRoomState): Visit[] {
  return state.visits.filter((v) => v.stage === 'in_consultation');
}

/** Seen and not yet billed, in the order they came out. */
export function billingQueue(state: WaitingRoomState): Visit[] {
  return state.visits.filter((v) => v.stage === 'seen').sort((a, b) => (a.seenAt ?? 0) - (b.seenAt ?? 0));
}

export interface LatePractitioner {
  practitionerId: string;
  visitId: string;
  lateMinutes: number;
}

/**
 * A practitioner is late when their first waiting patient with an appointment has waited past
 * the appointment time (or past arrival, for a patient who came late) by more than the threshold.
 */
export function latePractitioners(
  state: WaitingRoomState,
  now: number,
  thresholdMinutes: number,
): LatePractitioner[] {
  const first = new Map<string, Visit>();
  for (const visit of state.visits) {
    if (visit.stage !== 'waiting' || visit.scheduledStart === null || !visit.practitionerId) continue;
    const current = first.get(visit.practitionerId);
    if (!current || visit.scheduledStart < current.scheduledStart!) first.set(visit.practitionerId, visit);
  }
  const late: LatePractitioner[] = [];
  for (const [practitionerId, visit] of first) {
    const lateMinutes = Math.floor((now - Math.max(visit.scheduledStart!, visit.arrivedAt)) / MINUTE);
    if (lateMinutes > thresholdMinutes) late.push({ practitionerId, visitId: visit.visitId, lateMinutes });
  }
  return late.sort((a, b) => b.lateMinutes - a.lateMinutes);
}

export type PublicDisplayMode = 'ticket' | 'initials';

export interface PublicDisplayEntry {
  label: string;
  stage: 'waiting' | 'in_consultation';
  practitionerLabel: string | null;
  roomLabel: string | null;
}

function initial(name: string): string {
  const letter = name.trim().charAt(0).toLocaleUpperCase('fr');
  return letter ? `${letter}.` : '';
}

/** The screen in the waiting room: a ticket number or initials, never a name (medical confidentiality). */
export function publicDisplay(
  state: WaitingRoomState,
  mode: PublicDisplayMode,
  practitionerLabel: (practitionerId: string) => string | null = () => null,
): PublicDisplayEntry[] {
  return state.visits
    .filter(
      (v): v is Visit & { stage: 'waiting' | 'in_consultation' } =>
        v.stage === 'waiting' || v.stage === 'in_consultation',
    )
    .map((visit) => ({
      label:
        mode === 'ticket'
          ? String(visit.ticket).padStart(3, '0')
          : [initial(visit.givenName), initial(visit.familyName)].filter(Boolean).join(' '),
      stage: visit.stage,
      practitionerLabel: visit.practitionerId ? practitionerLabel(visit.practitionerId) : null,
      roomLabel: visit.stage === 'in_consultation' ? visit.roomLabel : null,
    }));
}
