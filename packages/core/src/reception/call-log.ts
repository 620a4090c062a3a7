import type { UrgencyLevel } from './urgency.ts';

export const callDirections = ['in', 'out'] as const;
export type CallDirection = (typeof callDirections)[number];

export const callReasonCategories = [
  'appointment',
  'result',
  'information',
  'urgent',
  'administrative',
  'other',
] as const;
export type CallReasonCategory = (typeof callReasonCategories)[number];

export const callOutcomes = ['appointment_booked', 'message_taken', 'transferred', 'oriented'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export type Caller =
  | { kind: 'patient'; patientId: string }
  | { kind: 'correspondent'; correspondentId: string }
  | { kind: 'free_text'; name: string; phone: string | null };

export interface CallLogEntry {
  id: string;
  direction: CallDirection;
  at: number;
  caller: Caller;
  reasonCategory: CallReasonCategory;
  urgency: UrgencyLevel;
  outcome: CallOutcome;
  note: string;
  authorId: string;
}

export interface CallSummary {
  total: number;
  byReason: Record<CallReasonCategory, number>;
  byOutcome: Record<CallOutcome, number>;
  urgentOrVital: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Counts for the activity report and the desk's end-of-day view. */
export function summarizeCalls(calls: readonly CallLogEntry[]): CallSummary {
  const summary: CallSummary = {
    total: 0,
    byReason: zeroes(callReasonCategories),
    byOutcome: zeroes(callOutcomes),
    urgentOrVital: 0,
  };
  for (const call of calls) {
    summary.total++;
    summary.byReason[call.reasonCategory]++;
    summary.byOutcome[call.outcome]++;
    if (call.urgency === 'urgent' || call.urgency === 'vital') summary.urgentOrVital++;
  }
  return summary;
}
