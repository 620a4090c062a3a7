import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Counts one more reminder on an open receivable; undefined when it is not open or not the organization's. */
export function recordReminder(
  tx: Kysely<Database>,
  organizationId: string,
  receivableId: string,
  on: string,
) {
  return tx
    .updateTable('receivables')
    .set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), last_reminder_on: on }))
    .where('id', '=', receivableId)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .returning(['id', 'reminder_count', 'patient_id', 'last_reminder_on'])
    .executeTakeFirst();
}

/** The 200 newest deposit slips. */
export function listDepositSlips(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('deposit_slips')
    .select(['id', 'number', 'kind', 'bank', 'iban', 'slip_date', 'item_count', 'total_cents'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
