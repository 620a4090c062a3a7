import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { organizationHeader } from '../organization/index.ts';
import { cashSlipPdf, chequeSlipPdf, invoicePdf } from './billing-pdf.ts';
import { loadCashSlip, loadChequeSlip, slipKind } from './cash-desk.ts';
import { loadInvoice } from './invoice-service.ts';
import { type PreparedVisit, prepareVisitForDisplay, type VisitInput } from './visit-service.ts';

export interface PrintedDocument {
  fileName: string;
  pdf: Buffer;
}

function quoteView(prepared: PreparedVisit) {
  const { split } = prepared;
  return {
    id: '',
    number: '',
    kind: 'invoice' as const,
    issuedOn: prepared.input.date,
    patientId: prepared.patient.id,
    totalCents: split.feeCents,
    amoCents: split.amoCents,
    amcCents: split.amcCents,
    patientCents: split.patientRemainderCents,
    reason: null,
    creditedInvoiceId: null,
    creditNote: null,
    dueCents: 0,
    paidCents: 0,
    lines: split.acts.map((a, i) => ({
      code: a.code,
      label: prepared.lines[i]!.label,
      coefficient: prepared.lines[i]!.coefficient ?? null,
      feeCents: a.feeCents,
      baseCents: a.baseCents,
      amoCents: a.amoCents,
      amcCents: a.amcCents,
      patientCents: a.patientCents,
    })),
  };
}

/** The written quote (information écrite préalable) of a visit with overbilling. */
export async function printQuote(
  db: Kysely<Database>,
  actor: Actor,
  input: Omit<VisitInput, 'quoteGiven'>,
): Promise<PrintedDocument> {
  // The quote is priced as if given, so the rule requiring it does not refuse its own quote.
  const prepared = await prepareVisitForDisplay(db, actor, { ...input, quoteGiven: true }, 'quote');
  const { split, patient, practitioner } = prepared;
  const pdf = await invoicePdf(
    {
      ...quoteView(prepared),
      patientName: `${patient.used_name || patient.birth_name} ${patient.first_given_name}`,
      patientBirthDate: patient.birth_date,
      practitioner: {
        id: practitioner.id,
        name: practitioner.display_name,
        rpps: practitioner.rpps,
        specialty: practitioner.specialty,
        sector: prepared.sector,
      },
      split: split as unknown as Record<string, unknown>,
    },
    await organizationHeader(db, actor.organizationId),
    { quote: true },
  );
  return { fileName: `devis-${input.date}.pdf`, pdf };
}

/** The note d'honoraires; printing it is audited. */
export async function printInvoice(db: Kysely<Database>, actor: Actor, id: string): Promise<PrintedDocument> {
  const invoice = await loadInvoice(db, actor.organizationId, id);
  const pdf = await invoicePdf(invoice, await organizationHeader(db, actor.organizationId));
  await db.transaction().execute((tx) =>
    auditFrom(actor)(tx, {
      action: 'print',
      entity: 'invoice',
      entityId: invoice.id,
      patientId: invoice.patientId,
    }),
  );
  return { fileName: `note-honoraires-${invoice.number}.pdf`, pdf };
}

/** A deposit slip, of cheques or of cash. */
export async function printDepositSlip(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<PrintedDocument> {
  const organization = await organizationHeader(db, organizationId);
  if ((await slipKind(db, organizationId, id)) === 'cash') {
    const slip = await loadCashSlip(db, organizationId, id);
    return { fileName: `bordereau-especes-${slip.number}.pdf`, pdf: await cashSlipPdf(slip, organization) };
  }
  const slip = await loadChequeSlip(db, organizationId, id);
  return { fileName: `bordereau-${slip.number}.pdf`, pdf: await chequeSlipPdf(slip, organization) };
}
