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
import type { Kysely } from 'kysely';
import { insertJournalEntries } from '../accounting/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { findCreditNote } from './invoice-repository.ts';
import {
  insertPaymentRow,
  listPayersOwedMoney,
  lockPayerRefunds,
  payerBalanceFigures,
} from './payment-repository.ts';
import { assertDayOpen } from './payment-service.ts';
import { findPatientIdByText, listPatientNames } from './repository.ts';

const methodLabels: Record<PaymentMethod['kind'], string> = {
  cash: 'espèces',
  cheque: 'chèque',
  card: 'carte bancaire',
  transfer: 'virement',
};

/** The refundable balance of one payer (core refundableBalance over what the database holds). */
export async function payerBalance(tx: Kysely<Database>, organizationId: string, payer: Debtor) {
  const r = await payerBalanceFigures(tx, organizationId, payer);
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
    const payers = await listPayersOwedMoney(tx, organizationId, query.patientId);
    const names = new Map(
      (
        await listPatientNames(
          tx,
          organizationId,
          payers.filter((p) => p.payer_kind === 'patient').map((p) => p.payer_id),
        )
      ).map((p) => [p.id, `${p.used_name || p.birth_name} ${p.first_given_name}`]),
    );
    const result = [];
    const seen = new Set<string>();
    for (const p of payers) {
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
    await lockPayerRefunds(tx, actor.organizationId, input.payer);
    let patientId: string | null = null;
    if (input.payer.kind === 'patient') {
      const patient = await findPatientIdByText(tx, actor.organizationId, input.payer.id);
      if (!patient) throw new DomainError('not_found', { field: 'payer.id' });
      patientId = patient.id;
    }
    let pieceRef = '';
    if (input.creditNoteId) {
      const note = await findCreditNote(tx, actor.organizationId, input.creditNoteId);
      if (!note || (patientId !== null && note.patient_id !== patientId))
        throw new DomainError('not_found', { field: 'creditNoteId' });
      pieceRef = note.number;
    }
    const method = validatePaymentMethod(input.method as PaymentMethod);
    const balance = await payerBalance(tx, actor.organizationId, input.payer);
    assertRefundable(input.amountCents, balance);
    const amountCents = -input.amountCents;
    const payment = await insertPaymentRow(tx, actor.organizationId, {
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
    });
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
