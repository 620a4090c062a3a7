import { DomainError } from '../errors/domain-error.ts';

export const appointmentStatuses = [
  'booked',
  'confirmed',
  'arrived',
  'in_consultation',
  'seen',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses in which the appointment still holds its slot. */
export const activeAppointmentStatuses: readonly AppointmentStatus[] = [
  'booked',
  'confirmed',
  'arrived',
  'in_consultation',
];

export function holdsSlot(status: AppointmentStatus): boolean {
  return activeAppointmentStatuses.includes(status);
}

interface TransitionRule {
  reasonRequired: boolean;
}

/**
 * Allowed moves. Cancelling, a no-show or undoing a no-show are traced with a reason, because
 * they change what the patient's record says happened.
 */
export const appointmentTransitions: Record<
  AppointmentStatus,
  Partial<Record<AppointmentStatus, TransitionRule>>
> = {
  booked: {
    confirmed: { reasonRequired: false },
    arrived: { reasonRequired: false },
    cancelled: { reasonRequired: true },
    no_show: { reasonRequired: false },
  },
  confirmed: {
    arrived: { reasonRequired: false },
    cancelled: { reasonRequired: true },
    no_show: { reasonRequired: false },
  },
  arrived: {
    in_consultation: { reasonRequired: false },
    // The patient left before being called in.
    cancelled: { reasonRequired: true },
  },
  in_consultation: { seen: { reasonRequired: false } },
  seen: {},
  cancelled: {},
  // A patient marked absent who turns up late.
  no_show: { arrived: { reasonRequired: true } },
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return appointmentTransitions[from][to] !== undefined;
}

export function allowedTransitions(from: AppointmentStatus): AppointmentStatus[] {
  return Object.keys(appointmentTransitions[from]) as AppointmentStatus[];
}

export interface StatusChange {
  to: AppointmentStatus;
  authorId: string;
  at: string;
  reason?: string | null;
}

export interface StatusEvent {
  from: AppointmentStatus;
  to: AppointmentStatus;
  authorId: string;
  at: string;
  reason: string | null;
}

/** Applies a status change or explains why it is refused; the event goes on the record timeline. */
export function transitionAppointment(from: AppointmentStatus, change: StatusChange): StatusEvent {
  if (!change.authorId) throw new DomainError('author_required', { field: 'authorId' });
  // Two desks marking the same arrival: the second gets a clear answer, not a generic refusal.
  if (from === change.to)
    throw new DomainError('already_in_status', { field: 'status', params: { status: from } });
  const rule = appointmentTransitions[from][change.to];
  if (!rule)
    throw new DomainError('invalid_transition', { field: 'status', params: { from, to: change.to } });
  const reason = change.reason?.trim() || null;
  if (rule.reasonRequired && !reason) throw new DomainError('reason_required', { field: 'reason' });
  return { from, to: change.to, authorId: change.authorId, at: change.at, reason };
}
