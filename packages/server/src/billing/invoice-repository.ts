import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on invoices and credit notes, their lines and their numbering.

type Tx = Kysely<Database>;

/** The numbers of the invoices `invoiceIds` (each once). */
export function listInvoiceNumbers(tx: Tx, invoiceIds: string[]) {
  return tx
    .selectFrom('invoices')
    .select('number')
    .where('id', 'in', [...new Set(invoiceIds)])
    .execute();
}

/** One of the organization's credit notes; undefined when it is not one of them. */
export function findCreditNote(tx: Tx, organizationId: string, creditNoteId: string) {
  return tx
    .selectFrom('invoices')
    .select(['id', 'number', 'patient_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', creditNoteId)
    .where('kind', '=', 'credit_note')
    .executeTakeFirst();
}
