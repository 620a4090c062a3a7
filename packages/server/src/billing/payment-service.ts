import { DomainError } from '@pivot/core';
import { receiptFromPayment } from '@pivot/core/accounting';
import {
  allocatePayment,
  type Debtor,
  type Due,
  type Payment,
  type PaymentMethod,
  type paymentInput,
} from '@pivot/core/billing';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { insertJournalEntries } from '../accounting/index.ts';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';

export type PaymentInput = z.output<typeof paymentInput>;

const methodLabels: Record<PaymentMethod['kind'], string> = {
  cash: 'espèces',
  cheque: 'chèque',
  card: 'carte bancaire',
  transfer: 'virement',
};

/** Closed days refuse changes (billing issue: "closed days cannot be changed"). */
export async function assertDayOpen(tx: Kysely<Database>, organizationId: string, date: string) {
  const day = await tx
    .selectFrom('cash_days')
    .select('status')
    .where('organization_id', '=', organizationId)
    .where('day', '=', date)
    .executeTakeFirst();
  if (day?.status === 'closed') throw new DomainError('day_closed', { field: 'date', params: { date } });
}

/** Open dues of one debtor, locked so two payments at once cannot both settle the same due. */
export async function openDues(tx: Kysely<Database>, organizationId: string, debtor: Debtor) {
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
  const payment = await tx
    .insertInto('payments')
    .values({
      organization_id: actor.organizationId,
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (allocations.length > 0) {
    await tx
      .insertInto('payment_allocations')
      .values(
        allocations.map((a) => ({
          organization_id: actor.organizationId,
          payment_id: payment.id,
          receivable_id: a.dueId,
          amount_cents: a.amountCents,
        })),
      )
      .execute();
    for (const a of allocations) {
      await sql`UPDATE receivables SET paid_cents = paid_cents + ${a.amountCents},
        status = CASE WHEN paid_cents + ${a.amountCents} >= amount_cents THEN 'paid' ELSE status END,
        version = version + 1
        WHERE id = ${a.dueId} AND organization_id = ${actor.organizationId}`.execute(tx);
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
  const rows = await tx
    .selectFrom('invoices')
    .select('number')
    .where('id', 'in', [...new Set(invoiceIds)])
    .execute();
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
        ? await tx
            .selectFrom('patients')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', input.payer.id)
            .executeTakeFirst()
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
    const rows = await q
      .orderBy('payments.payment_date', 'desc')
      .orderBy('payments.created_at', 'desc')
      .limit(500)
      .execute();
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
