import { DomainError } from '@pivot/core';
import {
  type CallLogInput,
  type CallTriageView,
  createPhoneMessage,
  isOverdue,
  messageCounters,
  mostUrgent,
  normalizePhoneNumber,
  type PhoneMessage,
  type PhoneMessageInput,
  type PhoneMessageStatus,
  summarizeCalls,
  type UrgencyLevel,
} from '@pivot/core/reception';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  activeColleagues,
  findCall,
  findCallerCorrespondent,
  findCallerPatient,
  findMessage,
  findRecipient,
  insertCall,
  insertPhoneMessage,
  listCallsOfDay,
  listMessageRows,
  type MessageRow,
  openMessagesOf,
  updateMessageStatus,
} from './phone-repository.ts';
import { evaluate } from './triage-service.ts';

type Tx = Kysely<Database>;

async function checkRecipient(tx: Tx, organizationId: string, recipientId: string) {
  const user = await findRecipient(tx, organizationId, recipientId);
  if (!user) throw new DomainError('recipient_required', { field: 'recipientId' });
}

async function insertMessage(
  tx: Tx,
  actor: Actor,
  input: Omit<PhoneMessageInput, 'callLogId'>,
  links: { callLogId: string | null; patientId: string | null },
  now: number,
) {
  // The schema accepts the recipient's id as text so that "no recipient" gets its own message.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(input.recipientId)) throw new DomainError('recipient_required', { field: 'recipientId' });
  await checkRecipient(tx, actor.organizationId, input.recipientId);
  const message = createPhoneMessage(
    { ...input, dueAt: input.dueAt ? Date.parse(input.dueAt) : null },
    { id: '', takenAt: now, takenBy: actor.userId },
  );
  const row = await insertPhoneMessage(tx, actor.organizationId, {
    recipient_id: message.recipientId,
    caller_name: message.callerName,
    callback_number: message.callbackNumber,
    content: message.content,
    urgency: message.urgency,
    due_at: new Date(message.dueAt),
    call_log_id: links.callLogId,
    patient_id: links.patientId,
    taken_by: actor.userId,
    taken_at: new Date(now),
  });
  await auditFrom(actor)(tx, {
    action: 'create',
    entity: 'phone_message',
    entityId: row.id,
    patientId: links.patientId,
    details: { recipientId: message.recipientId, urgency: message.urgency },
  });
  return row.id;
}

async function callerDetails(tx: Tx, organizationId: string, caller: CallLogInput['caller']) {
  if (caller.kind === 'patient') {
    const patient = await findCallerPatient(tx, organizationId, caller.patientId);
    if (!patient) throw new DomainError('not_found', { field: 'caller' });
    return {
      caller_kind: 'patient',
      patient_id: patient.id,
      correspondent_id: null,
      caller_name: `${patient.used_name || patient.birth_name} ${patient.used_given_name || patient.first_given_name}`,
      caller_phone: null,
    };
  }
  if (caller.kind === 'correspondent') {
    const correspondent = await findCallerCorrespondent(tx, organizationId, caller.correspondentId);
    if (!correspondent) throw new DomainError('not_found', { field: 'caller' });
    return {
      caller_kind: 'correspondent',
      patient_id: null,
      correspondent_id: correspondent.id,
      caller_name: correspondent.name || `${correspondent.family_name} ${correspondent.given_name}`.trim(),
      caller_phone: null,
    };
  }
  return {
    caller_kind: 'free_text',
    patient_id: null,
    correspondent_id: null,
    caller_name: caller.name,
    caller_phone: caller.phone ? normalizePhoneNumber(caller.phone, 'caller.phone') : null,
  };
}

export type CallWithMessage = CallLogInput & {
  message?: Omit<PhoneMessageInput, 'callLogId' | 'callerName'> | null | undefined;
};

/**
 * One call in the log, its triage answers and result kept with it, and the message taken during it
 * if any: all in one transaction, so a message never exists without its call nor the reverse.
 */
export async function logCall(db: Db, actor: Actor, input: CallWithMessage, now = Date.now()) {
  if (input.outcome === 'message_taken' && !input.message)
    throw new DomainError('recipient_required', { field: 'message.recipientId' });
  return db.kysely.transaction().execute(async (tx) => {
    const caller = await callerDetails(tx, actor.organizationId, input.caller);
    let urgency: UrgencyLevel = input.urgency;
    let triage: CallTriageView | null = null;
    if (input.triage) {
      const result = await evaluate(tx, actor.organizationId, input.triage.protocolId, input.triage.answers);
      urgency = mostUrgent([urgency, result.level]);
      triage = {
        protocolId: result.protocolId,
        protocolVersion: result.protocolVersion,
        answers: input.triage.answers,
        level: result.level,
        path: result.path,
        flags: result.flags.map((f) => ({ questionId: f.questionId, optionId: f.optionId, level: f.level })),
      };
    }
    const row = await insertCall(tx, actor.organizationId, {
      direction: input.direction,
      at: new Date(input.at),
      ...caller,
      reason_category: input.reasonCategory,
      urgency,
      outcome: input.outcome,
      transferred_to: input.transferredTo,
      note: input.note,
      triage: triage ? JSON.stringify(triage) : null,
      author_id: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'call_log',
      entityId: row.id,
      patientId: caller.patient_id,
      details: { reason: input.reasonCategory, outcome: input.outcome, urgency },
    });
    let messageId: string | null = null;
    if (input.message) {
      messageId = await insertMessage(
        tx,
        actor,
        { ...input.message, callerName: caller.caller_name },
        { callLogId: row.id, patientId: caller.patient_id },
        now,
      );
    }
    return { id: row.id, urgency, triage, messageId };
  });
}

export async function listCalls(db: Db, actor: Actor, query: { date: string }) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await listCallsOfDay(tx, actor.organizationId, query.date);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'call_log', entityId: query.date, details: { calls: rows.length } },
      rows.map((r) => r.patient_id),
    );
    const calls = rows.map((r) => ({
      id: r.id,
      direction: r.direction as 'in' | 'out',
      at: new Date(r.at).toISOString(),
      caller:
        r.caller_kind === 'patient'
          ? { kind: 'patient' as const, patientId: r.patient_id!, name: r.caller_name }
          : r.caller_kind === 'correspondent'
            ? { kind: 'correspondent' as const, correspondentId: r.correspondent_id!, name: r.caller_name }
            : { kind: 'free_text' as const, name: r.caller_name, phone: r.caller_phone },
      reasonCategory: r.reason_category as CallLogInput['reasonCategory'],
      urgency: r.urgency as UrgencyLevel,
      outcome: r.outcome as CallLogInput['outcome'],
      transferredTo: r.transferred_to,
      note: r.note,
      triage: r.triage as CallTriageView | null,
      authorId: r.author_id,
      authorName: r.author_name,
    }));
    const summary = summarizeCalls(
      calls.map((c) => ({
        id: c.id,
        direction: c.direction,
        at: Date.parse(c.at),
        caller: { kind: 'free_text', name: c.caller.name, phone: null },
        reasonCategory: c.reasonCategory,
        urgency: c.urgency,
        outcome: c.outcome,
        note: c.note,
        authorId: c.authorId,
      })),
    );
    return { date: query.date, calls, summary };
  });
}

export async function takeMessage(db: Db, actor: Actor, input: PhoneMessageInput, now = Date.now()) {
  return db.kysely.transaction().execute(async (tx) => {
    let patientId: string | null = null;
    if (input.callLogId) {
      const call = await findCall(tx, actor.organizationId, input.callLogId);
      if (!call) throw new DomainError('not_found', { field: 'callLogId' });
      patientId = call.patient_id;
    }
    const id = await insertMessage(tx, actor, input, { callLogId: input.callLogId, patientId }, now);
    return loadMessage(tx, actor.organizationId, id, now);
  });
}

function coreMessage(r: MessageRow): PhoneMessage {
  return {
    id: r.id,
    recipientId: r.recipient_id,
    callerName: r.caller_name,
    callbackNumber: r.callback_number,
    content: r.content,
    urgency: r.urgency as UrgencyLevel,
    takenAt: new Date(r.taken_at).getTime(),
    takenBy: r.taken_by,
    dueAt: new Date(r.due_at).getTime(),
    status: r.status as PhoneMessageStatus,
  };
}

function messageView(r: MessageRow, now: number) {
  const message = coreMessage(r);
  return {
    id: r.id,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    callerName: r.caller_name,
    callbackNumber: r.callback_number,
    content: r.content,
    urgency: message.urgency,
    dueAt: new Date(r.due_at).toISOString(),
    status: message.status,
    overdue: isOverdue(message, now),
    callLogId: r.call_log_id,
    patientId: r.patient_id,
    takenBy: r.taken_by,
    takenByName: r.taken_by_name,
    takenAt: new Date(r.taken_at).toISOString(),
    doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
    version: r.version,
  };
}

async function loadMessage(tx: Tx, organizationId: string, id: string, now: number) {
  const row = await findMessage(tx, organizationId, id);
  if (!row) throw new DomainError('not_found');
  return messageView(row, now);
}

/**
 * Messages for me (any user), or for everyone (the desk's view). Open messages come overdue first,
 * then by due time; done ones of the last days follow.
 */
export async function listMessages(
  db: Db,
  actor: Actor,
  query: { scope: 'mine' | 'all'; status: 'open' | 'done' },
  now = Date.now(),
) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await listMessageRows(tx, actor.organizationId, {
      recipientId: query.scope === 'mine' ? actor.userId : null,
      status: query.status,
      doneAfter: new Date(now - 7 * 86_400_000),
    });
    const messages = rows.map((r) => messageView(r, now));
    if (query.status === 'open') messages.sort((a, b) => Number(b.overdue) - Number(a.overdue));
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'phone_messages', details: { scope: query.scope, count: messages.length } },
      rows.map((r) => r.patient_id),
    );
    return messages;
  });
}

/** The counters next to my name: unread, open, overdue, urgent. */
export async function myCounters(db: Db, actor: Actor, now = Date.now()) {
  const rows = await openMessagesOf(db.kysely, actor.organizationId, actor.userId);
  const [counters] = messageCounters(rows.map(coreMessage), now);
  return counters ?? { recipientId: actor.userId, unread: 0, open: 0, overdue: 0, urgent: 0 };
}

/** The recipient marks a message read or done; the desk may too (a colleague away). */
export async function setMessageStatus(
  db: Db,
  actor: Actor,
  id: string,
  input: { status: 'read' | 'done'; version: number },
  canManageAll: boolean,
  now = Date.now(),
) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await findMessage(tx, actor.organizationId, id);
    if (!row) throw new DomainError('not_found');
    if (row.recipient_id !== actor.userId && !canManageAll) throw new DomainError('forbidden');
    const current = coreMessage(row);
    if (current.status === input.status) return messageView(row, now);
    if (current.status === 'done' && input.status === 'read')
      throw new DomainError('invalid_transition', {
        field: 'status',
        params: { from: 'done', to: 'read' },
      });
    const updated = await updateMessageStatus(tx, id, input.version, {
      status: input.status,
      done_at: input.status === 'done' ? new Date(now) : null,
      done_by: input.status === 'done' ? actor.userId : null,
    });
    if (!updated) throw new DomainError('stale_version', { field: 'version' });
    await auditFrom(actor)(tx, {
      action: input.status,
      entity: 'phone_message',
      entityId: id,
      patientId: row.patient_id,
    });
    return loadMessage(tx, actor.organizationId, id, now);
  });
}

/** Active colleagues: recipients of messages, practitioners of walk-ins. */
export async function colleagues(db: Db, actor: Actor) {
  const rows = await activeColleagues(db.kysely, actor.organizationId);
  return rows.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, specialty: u.specialty }));
}
