import { DomainError } from '@pivot/core';
import {
  ageingBucketOf,
  type Due,
  type Payment,
  type PaymentMethod,
  receivablesByDebtor,
  receivablesByDebtorKind,
  takingsBy,
} from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { recordReminder } from './repository.ts';

/** The unpaid list: open receivables with their age, oldest first; each patient shown is traced (CSP L1110-4). */
export async function listUnpaid(
  db: Kysely<Database>,
  actor: Actor,
  query: { debtorKind?: 'patient' | 'amo' | 'amc' | undefined; patientId?: string | undefined },
  asOf: string,
) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
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
    const rows = await q.orderBy('receivables.due_date').limit(1000).execute();
    const credits = await tx
      .selectFrom('payments')
      .select(['payer_kind', 'payer_id', (eb) => eb.fn.sum<number>('credit_cents').as('credit')])
      .where('organization_id', '=', organizationId)
      .where('credit_cents', '>', 0)
      .groupBy(['payer_kind', 'payer_id'])
      .execute();
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'receivables', details: { count: rows.length } },
      rows.map((r) => r.patient_id),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        debtor: { kind: r.debtor_kind, id: r.debtor_id },
        dueDate: r.due_date,
        amountCents: r.amount_cents,
        paidCents: r.paid_cents,
        outstandingCents: r.amount_cents - r.paid_cents,
        bucket: ageingBucketOf(r.due_date, asOf),
        reminderCount: r.reminder_count,
        lastReminderOn: r.last_reminder_on,
        version: r.version,
        invoiceId: r.invoice_id,
        invoiceNumber: r.invoice_number,
        patientId: r.patient_id,
        patientName: `${r.used_name || r.birth_name} ${r.first_given_name}`,
      })),
      credits: credits.map((c) => ({
        payer: { kind: c.payer_kind, id: c.payer_id },
        creditCents: Number(c.credit),
      })),
    };
  });
}

export async function ageing(db: Kysely<Database>, organizationId: string, asOf: string) {
  const rows = await db
    .selectFrom('receivables')
    .select(['id', 'debtor_kind', 'debtor_id', 'due_date', 'amount_cents', 'paid_cents'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .where('due_date', '<=', asOf)
    .execute();
  const dues: Due[] = rows.map((r) => ({
    id: r.id,
    debtor: { kind: r.debtor_kind, id: r.debtor_id },
    date: r.due_date,
    amountCents: r.amount_cents,
    paidCents: r.paid_cents,
  }));
  return { asOf, byKind: receivablesByDebtorKind(dues, asOf), byDebtor: receivablesByDebtor(dues, asOf) };
}

export async function takings(
  db: Kysely<Database>,
  organizationId: string,
  query: { from: string; to: string; granularity: 'day' | 'month' },
) {
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'payment_date', 'amount_cents', 'method', 'payer_kind', 'payer_id', 'practitioner_id'])
    .where('organization_id', '=', organizationId)
    .where('payment_date', '>=', query.from)
    .where('payment_date', '<=', query.to)
    .execute();
  const payments: Payment[] = rows.map((r) => ({
    id: r.id,
    date: r.payment_date,
    amountCents: r.amount_cents,
    method: { kind: r.method } as PaymentMethod,
    payer: { kind: r.payer_kind, id: r.payer_id },
    practitionerId: r.practitioner_id ?? undefined,
  }));
  const practitioners = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .execute();
  return {
    periods: takingsBy(payments, query.granularity),
    practitioners: Object.fromEntries(practitioners.map((p) => [p.id, p.display_name])),
  };
}

/** Records a reminder sent for an unpaid amount, dated today. */
export async function remindDebtor(db: Kysely<Database>, actor: Actor, receivableId: string, today: string) {
  return db.transaction().execute(async (tx) => {
    const row = await recordReminder(tx, actor.organizationId, receivableId, today);
    if (!row) throw new DomainError('not_found');
    await auditFrom(actor)(tx, {
      action: 'remind',
      entity: 'receivable',
      entityId: row.id,
      patientId: row.patient_id,
    });
    return { id: row.id, reminderCount: row.reminder_count, lastReminderOn: row.last_reminder_on };
  });
}
