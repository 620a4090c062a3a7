import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The phone's statements: the call log, the messages taken, and who calls or receives them. Each
 * takes the caller's transaction (or connection) and the organization it is scoped to.
 */
type Tx = Kysely<Database>;

// --- colleagues ------------------------------------------------------------------------------

/** Active members of the organization: recipients of messages, practitioners of walk-ins. Reads users. */
export function activeColleagues(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'specialty'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/** The recipient's id; undefined when not an active member of the organization. Reads users. */
export function findRecipient(tx: Tx, organizationId: string, recipientId: string) {
  return tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', recipientId)
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .executeTakeFirst();
}

// --- callers ---------------------------------------------------------------------------------

/** The calling patient's id and names; undefined when not one of the organization's. Reads patients. */
export function findCallerPatient(tx: Tx, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select(['id', 'birth_name', 'used_name', 'first_given_name', 'used_given_name'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The calling correspondent's id and names; undefined when not in the organization's directory. Reads directory's correspondents. */
export function findCallerCorrespondent(tx: Tx, organizationId: string, correspondentId: string) {
  return tx
    .selectFrom('correspondents')
    .select(['id', 'name', 'family_name', 'given_name'])
    .where('id', '=', correspondentId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

// --- the call log ----------------------------------------------------------------------------

/** Writes a call in the log; answers its id. */
export function insertCall(
  tx: Tx,
  organizationId: string,
  call: Omit<Insertable<Database['call_log']>, 'organization_id'>,
) {
  return tx
    .insertInto('call_log')
    .values({ organization_id: organizationId, ...call })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The calls of a day in Paris, latest first, with their author's name. */
export function listCallsOfDay(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('call_log as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.direction',
      'c.at',
      'c.caller_kind',
      'c.patient_id',
      'c.correspondent_id',
      'c.caller_name',
      'c.caller_phone',
      'c.reason_category',
      'c.urgency',
      'c.outcome',
      'c.transferred_to',
      'c.note',
      'c.triage',
      'c.author_id',
      'u.display_name as author_name',
    ])
    .where('c.organization_id', '=', organizationId)
    .where(sql<string>`(c.at AT TIME ZONE 'Europe/Paris')::date`, '=', date)
    .orderBy('c.at', 'desc')
    .execute();
}

/** A call's id and the patient who called; undefined when not one of the organization's calls. */
export function findCall(tx: Tx, organizationId: string, callLogId: string) {
  return tx
    .selectFrom('call_log')
    .select(['id', 'patient_id'])
    .where('id', '=', callLogId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

// --- phone messages --------------------------------------------------------------------------

/** Writes a message taken; answers its id. */
export function insertPhoneMessage(
  tx: Tx,
  organizationId: string,
  message: Omit<Insertable<Database['phone_messages']>, 'organization_id'>,
) {
  return tx
    .insertInto('phone_messages')
    .values({ organization_id: organizationId, ...message })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function messageQuery(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('phone_messages as m')
    .innerJoin('users as r', 'r.id', 'm.recipient_id')
    .innerJoin('users as t', 't.id', 'm.taken_by')
    .select([
      'm.id',
      'm.recipient_id',
      'm.caller_name',
      'm.callback_number',
      'm.content',
      'm.urgency',
      'm.due_at',
      'm.status',
      'm.call_log_id',
      'm.patient_id',
      'm.taken_by',
      'm.taken_at',
      'm.done_at',
      'm.version',
      'r.display_name as recipient_name',
      't.display_name as taken_by_name',
    ])
    .where('m.organization_id', '=', organizationId);
}

/** A message with its recipient's and taker's names. */
export type MessageRow = Awaited<ReturnType<ReturnType<typeof messageQuery>['execute']>>[number];

/** One message of the organization; undefined when there is none with this id. */
export function findMessage(tx: Tx, organizationId: string, id: string) {
  return messageQuery(tx, organizationId).where('m.id', '=', id).executeTakeFirst();
}

/**
 * Messages of the organization (of one recipient if given), at most 500: open ones by due time,
 * or done ones done after `doneAfter`, last done first.
 */
export function listMessageRows(
  tx: Tx,
  organizationId: string,
  query: { recipientId: string | null; status: 'open' | 'done'; doneAfter: Date },
) {
  let q = messageQuery(tx, organizationId);
  if (query.recipientId !== null) q = q.where('m.recipient_id', '=', query.recipientId);
  q =
    query.status === 'open'
      ? q.where('m.status', '<>', 'done').orderBy('m.due_at')
      : q
          .where('m.status', '=', 'done')
          .where('m.done_at', '>', query.doneAfter)
          .orderBy('m.done_at', 'desc');
  return q.limit(500).execute();
}

/** The recipient's messages not done yet. */
export function openMessagesOf(tx: Tx, organizationId: string, recipientId: string) {
  return messageQuery(tx, organizationId)
    .where('m.recipient_id', '=', recipientId)
    .where('m.status', '<>', 'done')
    .execute();
}

/**
 * Marks a message read or done at the version read; undefined when the version moved. The row was
 * read in the organization in the same transaction: the statement filters by id and version.
 */
export function updateMessageStatus(
  tx: Tx,
  id: string,
  version: number,
  change: { status: string; done_at: Date | null; done_by: string | null },
) {
  return tx
    .updateTable('phone_messages')
    .set({
      status: change.status,
      done_at: change.done_at,
      done_by: change.done_by,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
