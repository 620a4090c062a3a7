import { DomainError } from '@pivot/core';
import type { IncomingMailStatus } from '@pivot/core/mail';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IncomingMailTable, OutgoingMailTable } from './tables.ts';

// Every SQL statement of the mail register, as functions of (tx, organizationId, …).

type Tx = Kysely<Database>;

/** Practitioners and colleagues a mail can be assigned to. */
export function activeAssignees(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'role'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('role', 'in', ['practitioner', 'secretary'])
    .orderBy('display_name')
    .execute();
}

export async function userExists(tx: Tx, organizationId: string, id: string) {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return user !== undefined;
}

/** The names and birth dates of the patients a register shows. */
export function patientsShown(tx: Tx, organizationId: string, ids: readonly string[]) {
  return tx
    .selectFrom('patients')
    .select(['id', 'birth_name', 'used_name', 'first_given_name', 'birth_date'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

// --- incoming mail --------------------------------------------------------------------------

export async function loadIncoming(tx: Tx, organizationId: string, id: string) {
  const row = await tx
    .selectFrom('incoming_mail')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found');
  return row;
}

/** The incoming register, newest first, at most 500 rows. */
export function incomingRegister(
  tx: Tx,
  organizationId: string,
  filter: {
    status?: IncomingMailStatus | undefined;
    assigneeId?: string | undefined;
    patientId?: string | undefined;
  },
) {
  let query = tx.selectFrom('incoming_mail').selectAll().where('organization_id', '=', organizationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.patientId) query = query.where('patient_id', '=', filter.patientId);
  return query.orderBy('received_on', 'desc').orderBy('created_at', 'desc').limit(500).execute();
}

/** Incoming mail still to process or in progress: what the trays count. */
export function openIncoming(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('incoming_mail')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', 'in', ['to_process', 'in_progress'])
    .execute();
}

export function insertIncoming(
  tx: Tx,
  organizationId: string,
  values: Omit<Insertable<IncomingMailTable>, 'organization_id'>,
) {
  return tx
    .insertInto('incoming_mail')
    .values({ ...values, organization_id: organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the scan or the annotations of a mail already read in this transaction (its version moves on). */
export function updateIncoming(
  tx: Tx,
  organizationId: string,
  row: { id: string; version: number },
  values: Pick<Updateable<IncomingMailTable>, 'scan_key' | 'scan_name' | 'scan_media_type' | 'annotations'>,
) {
  return tx
    .updateTable('incoming_mail')
    .set({ ...values, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('organization_id', '=', organizationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- outgoing mail --------------------------------------------------------------------------

export async function loadOutgoing(tx: Tx, organizationId: string, id: string) {
  const row = await tx
    .selectFrom('outgoing_mail')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found');
  return row;
}

/** The outgoing register, newest first, at most 500 rows. */
export function outgoingRegister(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('outgoing_mail')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export function insertOutgoing(
  tx: Tx,
  organizationId: string,
  values: Omit<Insertable<OutgoingMailTable>, 'organization_id'>,
) {
  return tx
    .insertInto('outgoing_mail')
    .values({ ...values, organization_id: organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}
