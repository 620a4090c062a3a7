import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NoticeStatus } from './tables.ts';

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
