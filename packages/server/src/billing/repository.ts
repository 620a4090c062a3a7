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
