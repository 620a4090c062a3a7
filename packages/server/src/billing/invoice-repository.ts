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
