import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NoticeAttachment, NoticeStatus } from './tables.ts';

/** The outbox: notices (confirmations, reminders, cancellations, invitations) and their sending. */
type Tx = Kysely<Database>;

/** The outbox, newest first: what a secretary just queued is on top, above reminders planned long ago. */
export function listNotices(
  tx: Tx,
  organizationId: string,
  filter: { status?: NoticeStatus | undefined; appointmentId?: string | undefined },
) {
  let query = tx
    .selectFrom('notices as n')
    .leftJoin('patients as p', 'p.id', 'n.patient_id')
    .select([
      'n.id',
      'n.patient_id',
      'n.appointment_id',
      'n.meeting_id',
      'n.channel',
      'n.kind',
      'n.language',
      'n.recipient',
      'n.subject',
      'n.status',
      'n.attempts',
      'n.last_error',
      'n.send_after',
      'n.sent_at',
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
      'p.used_given_name',
    ])
    .where('n.organization_id', '=', organizationId);
  if (filter.status) query = query.where('n.status', '=', filter.status);
  if (filter.appointmentId) query = query.where('n.appointment_id', '=', filter.appointmentId);
  return query.orderBy('n.created_at', 'desc').orderBy('n.send_after', 'desc').limit(500).execute();
}

export function findNotice(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('notices')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertNotice(tx: Tx, values: Insertable<Database['notices']>) {
  return tx
    .insertInto('notices')
    .values(values)
    .returning(['id', 'status', 'recipient'])
    .executeTakeFirstOrThrow();
}

export async function insertNotices(tx: Tx, rows: Insertable<Database['notices']>[]) {
  if (rows.length > 0) await tx.insertInto('notices').values(rows).execute();
}

/** A failed or unsent notice goes back to the queue, as if new. */
export async function requeueNotice(tx: Tx, id: string) {
  await tx
    .updateTable('notices')
    .set({ status: 'pending', attempts: 0, last_error: null, send_after: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The appointments among these already sent an absence message since the given instant. */
export async function appointmentsNotifiedOfAbsenceSince(
  tx: Tx,
  organizationId: string,
  appointmentIds: string[],
  since: Date,
): Promise<Set<string | null>> {
  const rows = await tx
    .selectFrom('notices')
    .select('appointment_id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'absence')
    .where('appointment_id', 'in', appointmentIds)
    .where('created_at', '>=', since)
    .execute();
  return new Set(rows.map((n) => n.appointment_id));
}

/**
 * Withdraws (status 'cancelled') the notices of a meeting to these people (lower-case e-mails)
 * still pending; the ids withdrawn.
 */
export function withdrawPendingMeetingNotices(tx: Tx, meetingId: string, emails: string[]) {
  return tx
    .updateTable('notices')
    .set({ status: 'cancelled' })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'pending')
    .where((eb) => eb(eb.fn('lower', ['recipient']), 'in', emails))
    .returning('id')
    .execute();
}

/** Among these people (lower-case e-mails), the ones who keep a notice of the meeting that was not withdrawn. */
export function meetingNoticeRecipients(tx: Tx, meetingId: string, emails: string[]) {
  return tx
    .selectFrom('notices')
    .select((eb) => eb.fn<string>('lower', ['recipient']).as('email'))
    .distinct()
    .where('meeting_id', '=', meetingId)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb(eb.fn('lower', ['recipient']), 'in', emails))
    .execute();
}

// --- the outbox worker -------------------------------------------------------------------

/**
 * The next notice due (pending, send_after passed) not yet tried in this run, claimed FOR UPDATE
 * SKIP LOCKED so several servers can run the worker side by side; undefined when none is due.
 */
export async function claimDueNotice(tx: Tx, now: number, tried: string[]) {
  const { rows } = await sql<{
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string;
    body: string;
    attachments: NoticeAttachment[];
    attempts: number;
  }>`SELECT id, channel, recipient, subject, body, attachments, attempts FROM notices
         WHERE status = 'pending' AND send_after <= ${new Date(now).toISOString()}::timestamptz
           AND NOT (id::text = ANY(${tried}::text[]))
         ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(tx);
  return rows[0];
}

/** The notice waits in the outbox: no transport for its channel is configured. */
export async function markNoticeNoProvider(tx: Tx, id: string) {
  await tx.updateTable('notices').set({ status: 'no_provider' }).where('id', '=', id).execute();
}

export async function markNoticeSent(tx: Tx, id: string, attempts: number, sentAt: Date) {
  await tx
    .updateTable('notices')
    .set({ status: 'sent', attempts, sent_at: sentAt, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: the notice is tried again after send_after, or given up (status 'failed'). */
export async function markNoticeAttemptFailed(
  tx: Tx,
  id: string,
  outcome: { status: 'failed' | 'pending'; attempts: number; last_error: string; send_after: Date },
) {
  await tx.updateTable('notices').set(outcome).where('id', '=', id).execute();
}

// --- appointment notices -----------------------------------------------------------------

/**
 * What a notice about an appointment says: its patient's contact, practitioner, motif and the
 * organization (the id comes from an appointment of the organization just written).
 */
export function appointmentNoticeSubject(tx: Tx, appointmentId: string) {
  return tx
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('users as u', 'u.id', 'a.practitioner_id')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.starts_at',
      'p.details',
      'p.phones',
      'u.display_name',
      't.label',
      't.preparation_instructions',
      't.documents_to_bring',
      'o.name as org_name',
      'o.phone as org_phone',
      'o.address as org_address',
    ])
    .where('a.id', '=', appointmentId)
    .executeTakeFirstOrThrow();
}

/** Withdraws the pending reminders of an appointment (cancelled or moved). */
export async function cancelPendingReminders(tx: Tx, appointmentId: string) {
  await tx
    .updateTable('notices')
    .set({ status: 'cancelled' })
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'pending')
    .where('kind', '=', 'reminder')
    .execute();
}

/** What a convocation says of one appointment of the organization; undefined if it has none of that id. */
export function findConvocationSubject(tx: Tx, organizationId: string, appointmentId: string) {
  return tx
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('users as u', 'u.id', 'a.practitioner_id')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('sites as s', 's.id', 'a.site_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.starts_at',
      'a.status',
      'p.details',
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
      'p.used_given_name',
      'u.display_name',
      't.label',
      't.preparation_instructions',
      't.documents_to_bring',
      'o.name as org_name',
      'o.phone as org_phone',
      'o.address as org_address',
      's.name as site_name',
      's.address as site_address',
      'r.name as room_name',
    ])
    .where('a.organization_id', '=', organizationId)
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}
