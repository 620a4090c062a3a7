import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError } from '../errors/domain-error.ts';
import type { UrgencyLevel } from './urgency.ts';

/**
 * A callback number as E.164 (+33612345678). Numbers without a country prefix are read as French.
 * The full metadata is used: the light one only checks lengths and lets impossible numbers through.
 */
export function normalizePhoneNumber(raw: string, field = 'callbackNumber'): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), 'FR');
  if (!parsed?.isValid()) throw new DomainError('invalid_phone', { field });
  return parsed.number;
}

export function isValidPhoneNumber(raw: string): boolean {
  return !!parsePhoneNumberFromString(raw.trim(), 'FR')?.isValid();
}

export type PhoneMessageStatus = 'unread' | 'read' | 'done';

export interface PhoneMessage {
  id: string;
  recipientId: string;
  callerName: string;
  callbackNumber: string | null;
  content: string;
  urgency: UrgencyLevel;
  takenAt: number;
  takenBy: string;
  dueAt: number;
  status: PhoneMessageStatus;
}

const MINUTE = 60_000;

/** How long a message may wait by urgency when the caller gave no time (a vital call is never only a message). */
export const defaultDelayMinutes: Record<UrgencyLevel, number> = {
  vital: 0,
  urgent: 60,
  soon: 4 * 60,
  routine: 24 * 60,
};

export interface NewPhoneMessage {
  recipientId?: string | null;
  callerName: string;
  callbackNumber?: string | null;
  content: string;
  urgency: UrgencyLevel;
  dueAt?: number | null;
}

export function createPhoneMessage(
  input: NewPhoneMessage,
  meta: { id: string; takenAt: number; takenBy: string },
): PhoneMessage {
  const recipientId = input.recipientId?.trim();
  if (!recipientId) throw new DomainError('recipient_required', { field: 'recipientId' });
  const content = input.content.trim();
  if (!content) throw new DomainError('required', { field: 'content' });
  const raw = input.callbackNumber?.trim();
  return {
    id: meta.id,
    recipientId,
    callerName: input.callerName.trim(),
    callbackNumber: raw ? normalizePhoneNumber(raw) : null,
    content,
    urgency: input.urgency,
    takenAt: meta.takenAt,
    takenBy: meta.takenBy,
    dueAt: input.dueAt ?? meta.takenAt + defaultDelayMinutes[input.urgency] * MINUTE,
    status: 'unread',
  };
}

export function isOverdue(message: PhoneMessage, now: number): boolean {
  return message.status !== 'done' && message.dueAt < now;
}

export function markMessage(message: PhoneMessage, status: 'read' | 'done'): PhoneMessage {
  if (message.status === 'done' && status === 'read') {
    throw new DomainError('invalid_transition', { field: 'status', params: { from: 'done', to: 'read' } });
  }
  return { ...message, status };
}

export interface MessageCounters {
  recipientId: string;
  unread: number;
  open: number;
  overdue: number;
  urgent: number;
}

/** The counters shown next to each recipient's name. */
export function messageCounters(messages: readonly PhoneMessage[], now: number): MessageCounters[] {
  const byRecipient = new Map<string, MessageCounters>();
  for (const message of messages) {
    const counters = byRecipient.get(message.recipientId) ?? {
      recipientId: message.recipientId,
      unread: 0,
      open: 0,
      overdue: 0,
      urgent: 0,
    };
    if (message.status === 'unread') counters.unread++;
    if (message.status !== 'done') {
      counters.open++;
      if (isOverdue(message, now)) counters.overdue++;
      if (message.urgency === 'urgent' || message.urgency === 'vital') counters.urgent++;
    }
    byRecipient.set(message.recipientId, counters);
  }
  return [...byRecipient.values()];
}

/** Open messages, overdue first, then by due time. */
export function messageInbox(
  messages: readonly PhoneMessage[],
  recipientId: string,
  now: number,
): PhoneMessage[] {
  return messages
    .filter((m) => m.recipientId === recipientId && m.status !== 'done')
    .sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.dueAt - b.dueAt);
}
