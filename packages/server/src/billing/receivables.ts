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
import { listPayerCredits, listPaymentsBetween } from './payment-repository.ts';
import { listOpenReceivables, listOpenReceivablesDueBy, recordReminder } from './receivable-repository.ts';
import { listPractitionerNames } from './repository.ts';

/** The unpaid list: open receivables with their age, oldest first; each patient shown is traced (CSP L1110-4). */
export async function listUnpaid(
  db: Kysely<Database>,
  actor: Actor,
  query: { debtorKind?: 'patient' | 'amo' | 'amc' | undefined; patientId?: string | undefined },
  asOf: string,
) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
    const rows = await listOpenReceivables(tx, organizationId, query);
    const credits = await listPayerCredits(tx, organizationId);
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
  const rows = await listOpenReceivablesDueBy(db, organizationId, asOf);
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
  const rows = await listPaymentsBetween(db, organizationId, query.from, query.to);
  const payments: Payment[] = rows.map((r) => ({
    id: r.id,
    date: r.payment_date,
    amountCents: r.amount_cents,
    method: { kind: r.method } as PaymentMethod,
    payer: { kind: r.payer_kind, id: r.payer_id },
    practitionerId: r.practitioner_id ?? undefined,
  }));
  const practitioners = await listPractitionerNames(db, organizationId);
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
