import { DomainError } from '@pivot/core';
import { receiptFromPayment } from '@pivot/core/accounting';
import {
  assertRefundable,
  type Debtor,
  type PaymentMethod,
  type RefundInput,
  refundableBalance,
  validatePaymentMethod,
} from '@pivot/core/billing';
import { type Kysely, sql } from 'kysely';
import { insertJournalEntries } from '../accounting/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { assertDayOpen } from './payment-service.ts';

const methodLabels: Record<PaymentMethod['kind'], string> = {
  cash: 'espèces',
  cheque: 'chèque',
  card: 'carte bancaire',
  transfer: 'virement',
};

/** The refundable balance of one payer (core refundableBalance over what the database holds). */
export async function payerBalance(tx: Kysely<Database>, organizationId: string, payer: Debtor) {
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
  const r = row.rows[0]!;
  return refundableBalance({
    creditCents: Number(r.credit),
    paidOnCancelledCents: Number(r.paid_on_cancelled),
    refundedCents: Number(r.refunded),
  });
}

/** Payers the practice owes money to: overpayments and payments on cancelled invoices not yet refunded; the patients shown are traced. */
export async function listRefundable(
  db: Kysely<Database>,
  actor: Actor,
  query: { patientId?: string | undefined },
) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
    const patientFilter = query.patientId ? sql`AND patient_id = ${query.patientId}` : sql``;
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
    const names = new Map(
      (
        await tx
          .selectFrom('patients')
          .select(['id', 'birth_name', 'used_name', 'first_given_name'])
          .where('organization_id', '=', organizationId)
          .where('id', 'in', [
            '00000000-0000-0000-0000-000000000000',
            ...payers.rows.filter((p) => p.payer_kind === 'patient').map((p) => p.payer_id),
          ])
          .execute()
      ).map((p) => [p.id, `${p.used_name || p.birth_name} ${p.first_given_name}`]),
    );
    const result = [];
    const seen = new Set<string>();
    for (const p of payers.rows) {
      const key = `${p.payer_kind}:${p.payer_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const balance = await payerBalance(tx, organizationId, { kind: p.payer_kind, id: p.payer_id });
      if (balance.refundableCents === 0) continue;
      result.push({
        payer: { kind: p.payer_kind, id: p.payer_id },
        payerName: names.get(p.payer_id) ?? p.payer_id,
        ...balance,
      });
    }
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'refund_balances', details: { count: result.length } },
      result.filter((r) => r.payer.kind === 'patient').map((r) => r.payer.id),
    );
    return result;
  });
}

/**
 * Gives money back to a payer: a payment with a negative amount on the refund date, so the cash
 * desk expects less cash that day and the receipts journal books a negative receipt (706 debited,
 * cash or bank credited; BNC cash basis: the refund is dated when it is paid).
 */
export async function refund(db: Kysely<Database>, actor: Actor, input: RefundInput) {
  return db.transaction().execute(async (tx) => {
    await assertDayOpen(tx, actor.organizationId, input.date);
    // One refund at a time per payer, so two at once cannot both spend the same balance.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`refund:${actor.organizationId}:${input.payer.kind}:${input.payer.id}`}))`.execute(
      tx,
    );
    let patientId: string | null = null;
    if (input.payer.kind === 'patient') {
      const patient = await tx
        .selectFrom('patients')
        .select('id')
        .where('organization_id', '=', actor.organizationId)
        .where(sql<boolean>`id::text = ${input.payer.id}`)
        .executeTakeFirst();
      if (!patient) throw new DomainError('not_found', { field: 'payer.id' });
      patientId = patient.id;
    }
    let pieceRef = '';
    if (input.creditNoteId) {
      const note = await tx
        .selectFrom('invoices')
        .select(['id', 'number', 'patient_id'])
        .where('organization_id', '=', actor.organizationId)
        .where('id', '=', input.creditNoteId)
        .where('kind', '=', 'credit_note')
        .executeTakeFirst();
      if (!note || (patientId !== null && note.patient_id !== patientId))
        throw new DomainError('not_found', { field: 'creditNoteId' });
      pieceRef = note.number;
    }
    const method = validatePaymentMethod(input.method as PaymentMethod);
    const balance = await payerBalance(tx, actor.organizationId, input.payer);
    assertRefundable(input.amountCents, balance);
    const amountCents = -input.amountCents;
    const payment = await tx
      .insertInto('payments')
      .values({
        organization_id: actor.organizationId,
        patient_id: patientId,
        payer_kind: input.payer.kind,
        payer_id: input.payer.id,
        payment_date: input.date,
        amount_cents: amountCents,
        method: method.kind,
        cheque_bank: method.kind === 'cheque' ? method.bank : null,
        cheque_number: method.kind === 'cheque' ? method.number : null,
        cheque_drawer: method.kind === 'cheque' ? method.drawer : null,
        reference: method.kind === 'card' || method.kind === 'transfer' ? (method.reference ?? null) : null,
        practitioner_id: null,
        credit_cents: 0,
        deposit_slip_id: null,
        remittance_import_id: null,
        reason: input.reason,
        credit_note_id: input.creditNoteId ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entry = receiptFromPayment(
      { id: payment.id, date: input.date, amountCents, method, payer: input.payer },
      {
        id: payment.id,
        label: `Remboursement — ${methodLabels[method.kind]}`,
        pieceRef: pieceRef || `RMB-${payment.id.slice(0, 8)}`,
      },
    );
    await insertJournalEntries(tx, actor.organizationId, [{ ...entry, paymentId: payment.id }]);
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'refund',
      entityId: payment.id,
      patientId,
      details: { amountCents: input.amountCents, method: method.kind, creditNote: pieceRef || null },
    });
    return {
      id: payment.id,
      amountCents: input.amountCents,
      refundableCents: balance.refundableCents - input.amountCents,
    };
  });
}
