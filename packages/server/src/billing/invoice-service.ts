import { DomainError } from '@pivot/core';
import { creditNoteFor, formatCents, type Invoice } from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { addRecordItem } from '../records/index.ts';
import { cancelPendingClaimsOfVisit } from './claim-repository.ts';
import {
  findCreditNoteOf,
  findInvoice,
  findInvoiceVisitId,
  insertInvoice,
  insertInvoiceLines,
  listInvoiceLines,
  listInvoicesWithParties,
} from './invoice-repository.ts';
import {
  cancelReceivable,
  listReceivablesOfInvoice,
  sumReceivablesOfInvoice,
} from './receivable-repository.ts';
import { cancelVisit, findVisitSplit } from './visit-repository.ts';
import { nextInvoiceSequence } from './visit-service.ts';

export async function loadInvoice(tx: Kysely<Database>, organizationId: string, id: string) {
  const invoice = await findInvoice(tx, organizationId, id);
  if (!invoice) throw new DomainError('not_found');
  const lines = await listInvoiceLines(tx, id);
  const visit = invoice.visit_id ? await findVisitSplit(tx, invoice.visit_id) : undefined;
  const paid = await sumReceivablesOfInvoice(tx, id);
  const creditNote = await findCreditNoteOf(tx, id);
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    issuedOn: invoice.issued_on,
    patientId: invoice.patient_id,
    patientName: `${invoice.used_name || invoice.birth_name} ${invoice.first_given_name}`,
    patientBirthDate: invoice.birth_date,
    practitioner: {
      id: invoice.practitioner_id,
      name: invoice.practitioner_name,
      rpps: invoice.practitioner_rpps,
      specialty: invoice.practitioner_specialty,
      sector: invoice.practitioner_sector,
    },
    totalCents: invoice.total_cents,
    amoCents: invoice.amo_cents,
    amcCents: invoice.amc_cents,
    patientCents: invoice.patient_cents,
    reason: invoice.reason,
    creditedInvoiceId: invoice.credited_invoice_id,
    creditNote: creditNote ?? null,
    dueCents: Number(paid?.due ?? 0),
    paidCents: Number(paid?.paid ?? 0),
    split: (visit?.split ?? null) as Record<string, unknown> | null,
    lines: lines.map((l) => ({
      code: l.act_code,
      label: l.label,
      coefficient: l.coefficient === null ? null : Number(l.coefficient),
      feeCents: l.fee_cents,
      baseCents: l.base_cents,
      amoCents: l.amo_cents,
      amcCents: l.amc_cents,
      patientCents: l.patient_cents,
    })),
  };
}
/** Always refused once the invoice is found: an invoice is cancelled by a credit note, never deleted (billing.md). */
export async function refuseInvoiceDeletion(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<never> {
  await loadInvoice(db, organizationId, id);
  throw new DomainError('invoice_never_deleted', { field: 'invoice' });
}

export type InvoiceView = Awaited<ReturnType<typeof loadInvoice>>;

/** An invoice for display: the read names its patient in the audit log (CSP L1110-4). */
export async function readInvoice(db: Kysely<Database>, actor: Actor, id: string): Promise<InvoiceView> {
  return db.transaction().execute(async (tx) => {
    const invoice = await loadInvoice(tx, actor.organizationId, id);
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'invoice',
      entityId: id,
      patientId: invoice.patientId,
    });
    return invoice;
  });
}

/** Invoices and credit notes, newest first; each patient shown is traced (CSP L1110-4). */
export async function listInvoices(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    patientId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
    const rows = await listInvoicesWithParties(tx, organizationId, query);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'invoices', details: { count: rows.length } },
      rows.map((r) => r.patient_id),
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      issuedOn: r.issued_on,
      totalCents: r.total_cents,
      patientId: r.patient_id,
      patientName: `${r.used_name || r.birth_name} ${r.first_given_name}`,
      practitionerName: r.practitioner_name,
    }));
  });
}

function asCoreInvoice(view: InvoiceView): Invoice {
  return {
    number: view.number,
    issuedOn: view.issuedOn,
    kind: view.kind,
    lines: view.lines.map((l) => ({ label: l.label, actCode: l.code, amountCents: l.feeCents })),
    totalCents: view.totalCents,
  };
}

/**
 * A wrong invoice is cancelled by a credit note in the same sequence, never deleted (billing.md):
 * what was still owed on it is cancelled, unsent claims too.
 */
export async function issueCreditNote(
  db: Kysely<Database>,
  actor: Actor,
  invoiceId: string,
  input: { reason: string; date: string },
) {
  return db.transaction().execute(async (tx) => {
    const invoice = await loadInvoice(tx, actor.organizationId, invoiceId);
    const existing = invoice.creditNote
      ? [{ ...asCoreInvoice(invoice), kind: 'credit_note' as const, creditedInvoiceNumber: invoice.number }]
      : [];
    const year = Number(input.date.slice(0, 4));
    const { sequence, number } = await nextInvoiceSequence(tx, actor.organizationId, year);
    const note = creditNoteFor(
      asCoreInvoice(invoice),
      { number, issuedOn: input.date, reason: input.reason },
      existing,
    );
    const row = await insertInvoice(tx, actor.organizationId, {
      patient_id: invoice.patientId,
      visit_id: null,
      practitioner_id: invoice.practitioner.id,
      number,
      year,
      sequence,
      kind: 'credit_note',
      issued_on: input.date,
      credited_invoice_id: invoice.id,
      reason: note.reason ?? input.reason,
      total_cents: note.totalCents,
      amo_cents: -invoice.amoCents,
      amc_cents: -invoice.amcCents,
      patient_cents: -invoice.patientCents,
      created_by: actor.userId,
    });
    await insertInvoiceLines(
      tx,
      actor.organizationId,
      invoice.lines.map((l, position) => ({
        invoice_id: row.id,
        position,
        act_code: l.code,
        label: l.label,
        coefficient: l.coefficient,
        fee_cents: -l.feeCents,
        base_cents: -l.baseCents,
        amo_cents: -l.amoCents,
        amc_cents: -l.amcCents,
        patient_cents: -l.patientCents,
      })),
    );
    // What was not paid is no longer owed; what was paid stays recorded (refunds are payments).
    const receivables = await listReceivablesOfInvoice(tx, invoice.id);
    for (const r of receivables) {
      await cancelReceivable(tx, r.id, r.paid_cents);
    }
    const visit = await findInvoiceVisitId(tx, invoice.id);
    if (visit?.visit_id) {
      await cancelVisit(tx, visit.visit_id);
      await cancelPendingClaimsOfVisit(tx, visit.visit_id);
    }
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: invoice.patientId,
      kind: 'invoice',
      title: `Avoir ${number} (annule ${invoice.number})`,
      authorId: actor.userId,
      data: { invoiceId: row.id, number, totalCents: note.totalCents },
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'credit_note',
      entityId: row.id,
      patientId: invoice.patientId,
      details: { number, credits: invoice.number, totalCents: note.totalCents },
    });
    return {
      id: row.id,
      number,
      totalCents: note.totalCents,
      creditedNumber: invoice.number,
      amount: formatCents(note.totalCents),
    };
  });
}
