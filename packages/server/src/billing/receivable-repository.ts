import type { Debtor } from '@pivot/core/billing';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on receivables (what a debtor owes on an invoice): dues, payments spread
// over them, reminders, the unpaid list and its ageing.

type Tx = Kysely<Database>;

/** Open dues of one debtor, locked so two payments at once cannot both settle the same due. */
export async function openDues(tx: Tx, organizationId: string, debtor: Debtor) {
  const rows = await tx
    .selectFrom('receivables')
    .select([
      'id',
      'debtor_kind',
      'debtor_id',
      'due_date',
      'amount_cents',
      'paid_cents',
      'practitioner_id',
      'invoice_id',
    ])
    .where('organization_id', '=', organizationId)
    .where('debtor_kind', '=', debtor.kind)
    .where('debtor_id', '=', debtor.id)
    .where('status', '=', 'open')
    .forUpdate()
    .execute();
  return rows;
}

/** Adds a part of a payment to what was paid on a receivable; paid in full, it is closed. */
export async function addPaymentToReceivable(
  tx: Tx,
  organizationId: string,
  receivableId: string,
  amountCents: number,
) {
  await sql`UPDATE receivables SET paid_cents = paid_cents + ${amountCents},
        status = CASE WHEN paid_cents + ${amountCents} >= amount_cents THEN 'paid' ELSE status END,
        version = version + 1
        WHERE id = ${receivableId} AND organization_id = ${organizationId}`.execute(tx);
}

/** Counts one more reminder on an open receivable; undefined when it is not open or not the organization's. */
export function recordReminder(tx: Tx, organizationId: string, receivableId: string, on: string) {
  return tx
    .updateTable('receivables')
    .set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), last_reminder_on: on }))
    .where('id', '=', receivableId)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .returning(['id', 'reminder_count', 'patient_id', 'last_reminder_on'])
    .executeTakeFirst();
}

/** The unpaid list: open receivables with their invoice and patient, oldest first (1000 at most). */
export function listOpenReceivables(
  tx: Tx,
  organizationId: string,
  query: { debtorKind?: 'patient' | 'amo' | 'amc' | undefined; patientId?: string | undefined },
) {
  let q = tx
    .selectFrom('receivables')
    .innerJoin('invoices', 'invoices.id', 'receivables.invoice_id')
    .innerJoin('patients', 'patients.id', 'receivables.patient_id')
    .select([
      'receivables.id',
      'receivables.debtor_kind',
      'receivables.debtor_id',
      'receivables.due_date',
      'receivables.amount_cents',
      'receivables.paid_cents',
      'receivables.reminder_count',
      'receivables.last_reminder_on',
      'receivables.version',
      'receivables.patient_id',
      'invoices.number as invoice_number',
      'invoices.id as invoice_id',
      'patients.birth_name',
      'patients.used_name',
      'patients.first_given_name',
    ])
    .where('receivables.organization_id', '=', organizationId)
    .where('receivables.status', '=', 'open');
  if (query.debtorKind) q = q.where('receivables.debtor_kind', '=', query.debtorKind);
  if (query.patientId) q = q.where('receivables.patient_id', '=', query.patientId);
  return q.orderBy('receivables.due_date').limit(1000).execute();
}

/** Open receivables due on or before `asOf`. */
export function listOpenReceivablesDueBy(tx: Tx, organizationId: string, asOf: string) {
  return tx
    .selectFrom('receivables')
    .select(['id', 'debtor_kind', 'debtor_id', 'due_date', 'amount_cents', 'paid_cents'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .where('due_date', '<=', asOf)
    .execute();
}

/** What was paid and what was due on an invoice's receivables (null sums when it has none). */
export function sumReceivablesOfInvoice(tx: Tx, invoiceId: string) {
  return tx
    .selectFrom('receivables')
    .select((eb) => [eb.fn.sum<number>('paid_cents').as('paid'), eb.fn.sum<number>('amount_cents').as('due')])
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
}

/** The receivables of an invoice and what was paid on each. */
export function listReceivablesOfInvoice(tx: Tx, invoiceId: string) {
  return tx
    .selectFrom('receivables')
    .select(['id', 'paid_cents'])
    .where('invoice_id', '=', invoiceId)
    .execute();
}

/** Cancels a receivable: what was paid stays recorded, nothing more is owed. */
export async function cancelReceivable(tx: Tx, receivableId: string, paidCents: number) {
  await tx
    .updateTable('receivables')
    .set({ amount_cents: paidCents, status: 'cancelled' })
    .where('id', '=', receivableId)
    .execute();
}

/** Writes what each debtor owes on an invoice. */
export async function insertReceivables(
  tx: Tx,
  organizationId: string,
  dues: Omit<Insertable<Database['receivables']>, 'organization_id'>[],
) {
  await tx
    .insertInto('receivables')
    .values(dues.map((d) => ({ organization_id: organizationId, ...d })))
    .execute();
}

/** Moves the open mandatory-insurer receivables of a claim to another insurer. */
export async function moveOpenAmoReceivables(tx: Tx, claimId: string, debtorId: string) {
  await tx
    .updateTable('receivables')
    .set({ debtor_id: debtorId })
    .where('claim_id', '=', claimId)
    .where('debtor_kind', '=', 'amo')
    .where('status', '=', 'open')
    .execute();
}
