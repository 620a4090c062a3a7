import type { Debtor } from '@pivot/core/billing';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on payments (refunds are payments with a negative amount) and their
// allocations to receivables.

type Tx = Kysely<Database>;

/** Writes a payment (or a refund); answers its id. */
export function insertPaymentRow(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['payments']>, 'organization_id'>,
) {
  return tx
    .insertInto('payments')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Writes how a payment is spread over receivables. */
export async function insertPaymentAllocations(
  tx: Tx,
  organizationId: string,
  allocations: Omit<Insertable<Database['payment_allocations']>, 'organization_id'>[],
) {
  await tx
    .insertInto('payment_allocations')
    .values(allocations.map((a) => ({ organization_id: organizationId, ...a })))
    .execute();
}

/** Payments received with their patient's names (null for insurers), newest first (500 at most). */
export function listPaymentsWithPayers(
  tx: Tx,
  organizationId: string,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    patientId?: string | undefined;
    method?: string | undefined;
    undeposited?: boolean;
  },
) {
  let q = tx
    .selectFrom('payments')
    .leftJoin('patients', 'patients.id', 'payments.patient_id')
    .selectAll('payments')
    .select(['patients.birth_name', 'patients.used_name', 'patients.first_given_name'])
    .where('payments.organization_id', '=', organizationId);
  if (query.from) q = q.where('payments.payment_date', '>=', query.from);
  if (query.to) q = q.where('payments.payment_date', '<=', query.to);
  if (query.patientId) q = q.where('payments.patient_id', '=', query.patientId);
  if (query.method) q = q.where('payments.method', '=', query.method as 'cash');
  // Refunds (negative amounts) are money paid out: never on a deposit slip.
  if (query.undeposited)
    q = q.where('payments.deposit_slip_id', 'is', null).where('payments.amount_cents', '>', 0);
  return q
    .orderBy('payments.payment_date', 'desc')
    .orderBy('payments.created_at', 'desc')
    .limit(500)
    .execute();
}

/** The credit (overpayment) each payer holds, for the payers holding one. */
export function listPayerCredits(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('payments')
    .select(['payer_kind', 'payer_id', (eb) => eb.fn.sum<number>('credit_cents').as('credit')])
    .where('organization_id', '=', organizationId)
    .where('credit_cents', '>', 0)
    .groupBy(['payer_kind', 'payer_id'])
    .execute();
}

/** Payments dated from `from` to `to`, both included. */
export function listPaymentsBetween(tx: Tx, organizationId: string, from: string, to: string) {
  return tx
    .selectFrom('payments')
    .select(['id', 'payment_date', 'amount_cents', 'method', 'payer_kind', 'payer_id', 'practitioner_id'])
    .where('organization_id', '=', organizationId)
    .where('payment_date', '>=', from)
    .where('payment_date', '<=', to)
    .execute();
}

// --- refunds ---------------------------------------------------------------------------------

/** What one payer holds: credit kept, paid on cancelled invoices, already refunded (0 when none). */
export async function payerBalanceFigures(tx: Tx, organizationId: string, payer: Debtor) {
  const row = await sql<{ credit: number; paid_on_cancelled: number; refunded: number }>`
    SELECT
      (SELECT coalesce(sum(credit_cents), 0)::int FROM payments
        WHERE organization_id = ${organizationId} AND payer_kind = ${payer.kind} AND payer_id = ${payer.id}
          AND amount_cents > 0) AS credit,
      (SELECT coalesce(sum(paid_cents), 0)::int FROM receivables
        WHERE organization_id = ${organizationId} AND debtor_kind = ${payer.kind} AND debtor_id = ${payer.id}
          AND status = 'cancelled') AS paid_on_cancelled,
      (SELECT coalesce(-sum(amount_cents), 0)::int FROM payments
        WHERE organization_id = ${organizationId} AND payer_kind = ${payer.kind} AND payer_id = ${payer.id}
          AND amount_cents < 0) AS refunded`.execute(tx);
  return row.rows[0]!;
}

/**
 * Payers who may be owed money (a credit kept, or paid on a cancelled invoice), of one patient when
 * `patientId` is given, in payer order (500 at most; a payer may come twice, with and without patient).
 */
export async function listPayersOwedMoney(tx: Tx, organizationId: string, patientId: string | undefined) {
  const patientFilter = patientId ? sql`AND patient_id = ${patientId}` : sql``;
  const payers = await sql<{ payer_kind: Debtor['kind']; payer_id: string; patient_id: string | null }>`
    SELECT DISTINCT payer_kind, payer_id, patient_id FROM (
      SELECT payer_kind, payer_id, patient_id FROM payments
        WHERE organization_id = ${organizationId} AND credit_cents > 0 ${patientFilter}
      UNION
      SELECT debtor_kind, debtor_id, patient_id FROM receivables
        WHERE organization_id = ${organizationId} AND status = 'cancelled' AND paid_cents > 0 ${patientFilter}
    ) p
    ORDER BY payer_kind, payer_id
    LIMIT 500`.execute(tx);
  return payers.rows;
}

/** One refund at a time per payer (held until the transaction ends), so two cannot spend the same balance. */
export async function lockPayerRefunds(tx: Tx, organizationId: string, payer: Debtor) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`refund:${organizationId}:${payer.kind}:${payer.id}`}))`.execute(
    tx,
  );
}
