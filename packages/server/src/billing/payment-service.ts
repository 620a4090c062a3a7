import { DomainError } from '@pivot/core';
import { receiptFromPayment } from '@pivot/core/accounting';
import {
  allocatePayment,
  type Due,
  type Payment,
  type PaymentMethod,
  type paymentInput,
} from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { insertJournalEntries } from '../accounting/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { findCashDayStatus } from './cash-desk-repository.ts';
import { listInvoiceNumbers } from './invoice-repository.ts';
import { insertPaymentAllocations, insertPaymentRow, listPaymentsWithPayers } from './payment-repository.ts';
import { addPaymentToReceivable, openDues } from './receivable-repository.ts';
import { findPatientId } from './repository.ts';

export type PaymentInput = z.output<typeof paymentInput>;

const methodLabels: Record<PaymentMethod['kind'], string> = {
  cash: 'espèces',
  cheque: 'chèque',
  card: 'carte bancaire',
  transfer: 'virement',
};

/** Closed days refuse changes (billing issue: "closed days cannot be changed"). */
export async function assertDayOpen(tx: Kysely<Database>, organizationId: string, date: string) {
  const day = await findCashDayStatus(tx, organizationId, date);
  if (day?.status === 'closed') throw new DomainError('day_closed', { field: 'date', params: { date } });
}

export interface RecordedPayment {
  id: string;
  amountCents: number;
  creditCents: number;
  allocations: { receivableId: string; amountCents: number }[];
}

/** Writes a payment, spreads it over the payer's dues (core allocatePayment) and books the receipt. */
export async function insertPayment(
  tx: Kysely<Database>,
  actor: Actor,
  input: PaymentInput,
  extra: { remittanceImportId?: string; label?: string } = {},
): Promise<RecordedPayment> {
  const method = input.method as PaymentMethod;
  const rows = await openDues(tx, actor.organizationId, input.payer);
  const dues: Due[] = rows.map((r) => ({
    id: r.id,
    debtor: { kind: r.debtor_kind, id: r.debtor_id },
    date: r.due_date,
    amountCents: r.amount_cents,
    paidCents: r.paid_cents,
  }));
  const probe: Payment = {
    id: 'new',
    date: input.date,
    amountCents: input.amountCents,
    method,
    payer: input.payer,
  };
  const { allocations, creditCents } = allocatePayment(probe, dues, input.targetDueIds);
  const practitionerId =
    input.practitionerId ?? rows.find((r) => r.id === allocations[0]?.dueId)?.practitioner_id ?? null;
  const payment = await insertPaymentRow(tx, actor.organizationId, {
    patient_id: input.payer.kind === 'patient' ? input.payer.id : null,
    payer_kind: input.payer.kind,
    payer_id: input.payer.id,
    payment_date: input.date,
    amount_cents: input.amountCents,
    method: method.kind,
    cheque_bank: method.kind === 'cheque' ? method.bank : null,
    cheque_number: method.kind === 'cheque' ? method.number : null,
    cheque_drawer: method.kind === 'cheque' ? method.drawer : null,
    reference: method.kind === 'card' || method.kind === 'transfer' ? (method.reference ?? null) : null,
    practitioner_id: practitionerId,
    credit_cents: creditCents,
    deposit_slip_id: null,
    remittance_import_id: extra.remittanceImportId ?? null,
    created_by: actor.userId,
  });
  if (allocations.length > 0) {
    await insertPaymentAllocations(
      tx,
      actor.organizationId,
      allocations.map((a) => ({
        payment_id: payment.id,
        receivable_id: a.dueId,
        amount_cents: a.amountCents,
      })),
    );
    for (const a of allocations) {
      await addPaymentToReceivable(tx, actor.organizationId, a.dueId, a.amountCents);
    }
  }
  const invoiceNumbers = await pieceOf(
    tx,
    allocations.map((a) => rows.find((r) => r.id === a.dueId)!.invoice_id),
  );
  const entry = receiptFromPayment(
    { ...probe, id: payment.id, practitionerId: practitionerId ?? undefined },
    {
      id: payment.id,
      label: extra.label ?? `Honoraires — ${methodLabels[method.kind]}`,
      pieceRef: invoiceNumbers || `REG-${payment.id.slice(0, 8)}`,
    },
  );
  await insertJournalEntries(tx, actor.organizationId, [{ ...entry, paymentId: payment.id }]);
  return {
    id: payment.id,
    amountCents: input.amountCents,
    creditCents,
    allocations: allocations.map((a) => ({ receivableId: a.dueId, amountCents: a.amountCents })),
  };
}

async function pieceOf(tx: Kysely<Database>, invoiceIds: string[]): Promise<string> {
  if (invoiceIds.length === 0) return '';
  const rows = await listInvoiceNumbers(tx, invoiceIds);
  return rows
    .map((r) => r.number)
    .sort()
    .join(' ')
    .slice(0, 60);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordPayment(db: Kysely<Database>, actor: Actor, input: PaymentInput) {
  return db.transaction().execute(async (tx) => {
    await assertDayOpen(tx, actor.organizationId, input.date);
    if (input.payer.kind === 'patient') {
      const patient = uuidPattern.test(input.payer.id)
        ? await findPatientId(tx, actor.organizationId, input.payer.id)
        : undefined;
      if (!patient) throw new DomainError('not_found', { field: 'payer.id' });
    }
    const recorded = await insertPayment(tx, actor, input);
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'payment',
      entityId: recorded.id,
      patientId: input.payer.kind === 'patient' ? input.payer.id : null,
      details: {
        amountCents: input.amountCents,
        method: input.method.kind,
        creditCents: recorded.creditCents,
        allocations: recorded.allocations.length,
      },
    });
    return recorded;
  });
}

/** Payments received; each patient shown is traced (CSP L1110-4). */
export async function listPayments(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    patientId?: string | undefined;
    method?: string | undefined;
    undeposited?: boolean;
  },
) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
    const rows = await listPaymentsWithPayers(tx, organizationId, query);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'payments', details: { count: rows.length } },
      rows.map((r) => r.patient_id),
    );
    return rows.map((r) => ({
      id: r.id,
      date: r.payment_date,
      amountCents: r.amount_cents,
      creditCents: r.credit_cents,
      method: r.method,
      payer: { kind: r.payer_kind, id: r.payer_id },
      payerName: r.birth_name ? `${r.used_name || r.birth_name} ${r.first_given_name}` : r.payer_id,
      cheque:
        r.method === 'cheque'
          ? { bank: r.cheque_bank, number: r.cheque_number, drawer: r.cheque_drawer }
          : null,
      depositSlipId: r.deposit_slip_id,
      refund: r.amount_cents < 0 ? { reason: r.reason, creditNoteId: r.credit_note_id } : null,
    }));
  });
}
