import { type Insertable, type Kysely, sql } from 'kysely';
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

/** An invoice or credit note of the organization with its patient's and practitioner's names; undefined when not one of its own. */
export function findInvoice(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('invoices')
    .innerJoin('patients', 'patients.id', 'invoices.patient_id')
    .innerJoin('users', 'users.id', 'invoices.practitioner_id')
    .selectAll('invoices')
    .select([
      'patients.birth_name',
      'patients.used_name',
      'patients.first_given_name',
      'patients.birth_date',
      'users.display_name as practitioner_name',
      'users.rpps as practitioner_rpps',
      'users.specialty as practitioner_specialty',
      'users.sector as practitioner_sector',
    ])
    .where('invoices.id', '=', id)
    .where('invoices.organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The lines of an invoice, in invoice order. */
export function listInvoiceLines(tx: Tx, invoiceId: string) {
  return tx
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('position')
    .execute();
}

/** The credit note cancelling an invoice; undefined when it is not cancelled. */
export function findCreditNoteOf(tx: Tx, invoiceId: string) {
  return tx
    .selectFrom('invoices')
    .select(['id', 'number'])
    .where('credited_invoice_id', '=', invoiceId)
    .executeTakeFirst();
}

/** The visit an invoice bills (null for a credit note); undefined when there is no such invoice. */
export function findInvoiceVisitId(tx: Tx, invoiceId: string) {
  return tx.selectFrom('invoices').select('visit_id').where('id', '=', invoiceId).executeTakeFirst();
}

/** Invoices and credit notes with their patient's and practitioner's names, newest first. */
export function listInvoicesWithParties(
  tx: Tx,
  organizationId: string,
  query: {
    patientId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
) {
  let q = tx
    .selectFrom('invoices')
    .innerJoin('patients', 'patients.id', 'invoices.patient_id')
    .innerJoin('users', 'users.id', 'invoices.practitioner_id')
    .select([
      'invoices.id',
      'invoices.number',
      'invoices.kind',
      'invoices.issued_on',
      'invoices.total_cents',
      'invoices.patient_id',
      'patients.birth_name',
      'patients.used_name',
      'patients.first_given_name',
      'users.display_name as practitioner_name',
    ])
    .where('invoices.organization_id', '=', organizationId);
  if (query.patientId) q = q.where('invoices.patient_id', '=', query.patientId);
  if (query.from) q = q.where('invoices.issued_on', '>=', query.from);
  if (query.to) q = q.where('invoices.issued_on', '<=', query.to);
  return q.orderBy('invoices.year', 'desc').orderBy('invoices.sequence', 'desc').limit(query.limit).execute();
}

/** Writes an invoice or a credit note; answers its id. */
export function insertInvoice(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['invoices']>, 'organization_id'>,
) {
  return tx
    .insertInto('invoices')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Writes the lines of an invoice or a credit note. */
export async function insertInvoiceLines(
  tx: Tx,
  organizationId: string,
  lines: Omit<Insertable<Database['invoice_lines']>, 'organization_id'>[],
) {
  await tx
    .insertInto('invoice_lines')
    .values(lines.map((line) => ({ organization_id: organizationId, ...line })))
    .execute();
}

/** Counts one more invoice in the organization's sequence for `year`; answers its number in the sequence (the counter row stays locked until the transaction ends). */
export async function incrementInvoiceCounter(tx: Tx, organizationId: string, year: number) {
  const row = await sql<{ last_sequence: number }>`
    INSERT INTO invoice_counters (organization_id, year, last_sequence) VALUES (${organizationId}, ${year}, 1)
    ON CONFLICT (organization_id, year) DO UPDATE SET last_sequence = invoice_counters.last_sequence + 1
    RETURNING last_sequence`.execute(tx);
  return row.rows[0]!.last_sequence;
}
