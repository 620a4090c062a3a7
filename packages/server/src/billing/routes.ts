import { DomainError } from '@pivot/core';
import {
  cashClosingInput,
  cashDepositSlipInput,
  chequeDepositSlipInput,
  isoDate,
  nonNegativeCents,
  paymentInput,
  refundInput,
} from '@pivot/core/billing';
import { id, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import { actorOf } from '../http/request-context.ts';
import { todayInParis } from '../patients/index.ts';
import { cashSlipPdf, chequeSlipPdf, invoicePdf } from './billing-pdf.ts';
import {
  cashDayView,
  closeDay,
  createCashSlip,
  createChequeSlip,
  loadCashSlip,
  loadChequeSlip,
  openDay,
  slipKind,
} from './cash-desk.ts';
import { loadCatalogue, updateCatalogue } from './catalogue-service.ts';
import {
  type ClaimTransmissionAdapter,
  fileTransmissionAdapter,
  importRemittance,
  listBatches,
  listClaims,
  resendClaim,
  sendPendingClaims,
} from './claims-service.ts';
import { issueCreditNote, listInvoices, loadInvoice, readInvoice } from './invoice-service.ts';
import { listPayments, recordPayment } from './payment-service.ts';
import { ageing, listUnpaid, takings } from './receivables.ts';
import { listRefundable, refund } from './refund-service.ts';
import { visitDraft } from './visit-draft.ts';
import { billVisit, type PreparedVisit, prepareVisitForDisplay, visitInput } from './visit-service.ts';

const idParams = z.object({ id });
const dateParams = z.object({ date: isoDate });
const range = z.object({ from: isoDate.optional(), to: isoDate.optional() });

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

function pdfReply(reply: import('fastify').FastifyReply, fileName: string, pdf: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .send(pdf);
}

async function organizationHeader(app: FastifyInstance, organizationId: string) {
  const org = await app.db.kysely
    .selectFrom('organizations')
    .select(['name', 'address'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const a = org.address as Record<string, string>;
  return {
    name: org.name,
    address: [a.line1, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  };
}

export async function billingRoutes(
  fastify: FastifyInstance,
  options: { claimsAdapter?: ClaimTransmissionAdapter } = {},
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;
  const claimsAdapter =
    options.claimsAdapter ?? fileTransmissionAdapter(`${app.config.dataDir}/claims/outbox`);

  app.get(
    '/api/billing/practitioners',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'Practitioners who bill, with their sector' },
    },
    async (request) =>
      db.kysely
        .selectFrom('users')
        .select(['id', 'display_name as name', 'specialty', 'sector', 'rpps'])
        .where('organization_id', '=', actorOf(request).organizationId)
        .where('role', '=', 'practitioner')
        .where('active', '=', true)
        .orderBy('display_name')
        .execute(),
  );

  app.get(
    '/api/billing/catalogue',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The acts catalogue with its source and date, and the tariffs in force on a date',
        querystring: z.object({ date: isoDate.optional() }),
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInParis();
      const catalogue = await db.kysely
        .transaction()
        .execute((tx) => loadCatalogue(tx, actorOf(request).organizationId));
      return {
        edition: catalogue.edition,
        source: catalogue.source,
        publishedOn: catalogue.publishedOn,
        acts: catalogue.acts.map((a) => ({
          ...a,
          tariffs: catalogue.tariffs
            .filter((t) => t.code === a.code && t.validFrom <= date && (!t.validTo || t.validTo >= date))
            .map((t) => ({
              sector: t.sector,
              amountCents: t.amountCents,
              validFrom: t.validFrom,
              validTo: t.validTo ?? null,
              specialty: t.specialty ?? null,
            })),
        })),
      };
    },
  );

  app.post(
    '/api/billing/catalogue',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['billing'],
        summary: 'Load a newer catalogue file (admin); tariff history is kept',
        body: z.object({
          content: text().min(1).max(2_000_000),
          edition: text().trim().min(1).max(100),
          source: text().trim().min(1).max(300),
          publishedOn: isoDate,
        }),
      },
    },
    async (request) => updateCatalogue(db.kysely, actorOf(request), request.body),
  );

  app.post(
    '/api/billing/visits/preview',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The fee split of a visit, computed without saving',
        body: visitInput,
      },
    },
    async (request) => {
      const prepared = await prepareVisitForDisplay(db.kysely, actorOf(request), request.body, 'preview');
      return {
        sector: prepared.sector,
        thirdPartyPayment: prepared.billing.thirdPartyPayment,
        complementary: prepared.billing.complementary,
        acts: prepared.lines.map((l, i) => ({ ...l, ...prepared.billing.acts[i] })),
        split: prepared.split,
      };
    },
  );

  app.post(
    '/api/billing/visits/quote',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The written quote (information écrite préalable) of a visit with overbilling, as PDF',
        body: visitInput.omit({ quoteGiven: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // The quote is priced as if given, so the rule requiring it does not refuse its own quote.
      const prepared = await prepareVisitForDisplay(
        db.kysely,
        actor,
        { ...request.body, quoteGiven: true },
        'quote',
      );
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
        await organizationHeader(app, actor.organizationId),
        { quote: true },
      );
      return pdfReply(reply, `devis-${request.body.date}.pdf`, pdf);
    },
  );

  app.get(
    '/api/billing/visit-draft',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary:
          'What the bill-visit form starts from when opened from the agenda or reception: patient, practitioner, today, the appointment, its suggested act, and whether it is already billed',
        querystring: z.object({
          patientId: id,
          practitionerId: id,
          appointmentId: id.optional(),
        }),
      },
    },
    async (request) => visitDraft(db.kysely, actorOf(request), { ...request.query, date: todayInParis() }),
  );

  app.post(
    '/api/billing/visits',
    {
      config: { permission: 'billing.write' },
      schema: { tags: ['billing'], summary: 'Bill a visit: invoice, receivables, claim', body: visitInput },
    },
    async (request, reply) =>
      reply.status(201).send(await billVisit(db.kysely, actorOf(request), request.body)),
  );

  app.get(
    '/api/billing/invoices',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Invoices and credit notes, newest first',
        querystring: range.extend({
          patientId: id.optional(),
          limit: integerParam.min(1).max(1000).default(100),
        }),
      },
    },
    async (request) => listInvoices(db.kysely, actorOf(request), request.query),
  );

  app.get(
    '/api/billing/invoices/:id',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'An invoice', params: idParams },
    },
    async (request) => readInvoice(db.kysely, actorOf(request), request.params.id),
  );

  app.get(
    '/api/billing/invoices/:id/pdf',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'The note d’honoraires as PDF', params: idParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const invoice = await loadInvoice(db.kysely, actor.organizationId, request.params.id);
      const pdf = await invoicePdf(invoice, await organizationHeader(app, actor.organizationId));
      await db.kysely.transaction().execute((tx) =>
        auditFrom(actor)(tx, {
          action: 'print',
          entity: 'invoice',
          entityId: invoice.id,
          patientId: invoice.patientId,
        }),
      );
      return pdfReply(reply, `note-honoraires-${invoice.number}.pdf`, pdf);
    },
  );

  app.delete(
    '/api/billing/invoices/:id',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Always refused: an invoice is cancelled by a credit note',
        params: idParams,
      },
    },
    async (request) => {
      await loadInvoice(db.kysely, actorOf(request).organizationId, request.params.id);
      throw new DomainError('invoice_never_deleted', { field: 'invoice' });
    },
  );

  app.post(
    '/api/billing/invoices/:id/credit-note',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Cancel an invoice by a credit note in the same sequence',
        params: idParams,
        body: z.object({ reason: text().trim().min(1).max(500), date: isoDate.optional() }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await issueCreditNote(db.kysely, actorOf(request), request.params.id, {
          reason: request.body.reason,
          date: request.body.date ?? todayInParis(),
        }),
      ),
  );

  app.get(
    '/api/billing/payments',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Payments received',
        querystring: range.extend({
          patientId: id.optional(),
          method: z.enum(['cash', 'cheque', 'card', 'transfer']).optional(),
          undeposited: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
    },
    async (request) => listPayments(db.kysely, actorOf(request), request.query),
  );

  app.post(
    '/api/billing/payments',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary:
          'Record a payment (cash, cheque, card, transfer): partial, grouped, overpayment kept as credit',
        body: paymentInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordPayment(db.kysely, actorOf(request), request.body)),
  );

  app.get(
    '/api/billing/refunds/balances',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Payers owed money back: overpayments and payments on invoices cancelled by a credit note',
        querystring: z.object({ patientId: id.optional() }),
      },
    },
    async (request) => listRefundable(db.kysely, actorOf(request), request.query),
  );

  app.post(
    '/api/billing/refunds',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary:
          'Refund a payer up to its refundable balance: a negative payment, a negative receipt in the journal, less cash expected that day',
        body: refundInput,
      },
    },
    async (request, reply) => reply.status(201).send(await refund(db.kysely, actorOf(request), request.body)),
  );

  app.get(
    '/api/billing/receivables',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Unpaid list: open receivables per debtor with their age, and credits kept',
        querystring: z.object({
          debtorKind: z.enum(['patient', 'amo', 'amc']).optional(),
          patientId: id.optional(),
          asOf: isoDate.optional(),
        }),
      },
    },
    async (request) =>
      listUnpaid(db.kysely, actorOf(request), request.query, request.query.asOf ?? todayInParis()),
  );

  app.post(
    '/api/billing/receivables/:id/reminders',
    {
      config: { permission: 'billing.write' },
      schema: { tags: ['billing'], summary: 'Record a reminder sent for an unpaid amount', params: idParams },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('receivables')
          .set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), last_reminder_on: todayInParis() }))
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .where('status', '=', 'open')
          .returning(['id', 'reminder_count', 'patient_id', 'last_reminder_on'])
          .executeTakeFirst();
        if (!row) throw new DomainError('not_found');
        await auditFrom(actor)(tx, {
          action: 'remind',
          entity: 'receivable',
          entityId: row.id,
          patientId: row.patient_id,
        });
        return { id: row.id, reminderCount: row.reminder_count, lastReminderOn: row.last_reminder_on };
      });
    },
  );

  app.get(
    '/api/billing/cash-days/:date',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The cash desk of a day: float, expected cash, closing',
        params: dateParams,
      },
    },
    async (request) => cashDayView(db.kysely, actorOf(request).organizationId, request.params.date),
  );

  app.post(
    '/api/billing/cash-days/:date/open',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Set the opening float of a day',
        params: dateParams,
        body: z.object({ openingFloatCents: nonNegativeCents }),
      },
    },
    async (request) =>
      openDay(db.kysely, actorOf(request), request.params.date, request.body.openingFloatCents),
  );

  app.post(
    '/api/billing/cash-days/:date/close',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Close the day: counted cash against expected, a reason for any difference',
        params: dateParams,
        body: cashClosingInput.omit({ date: true }),
      },
    },
    async (request) => closeDay(db.kysely, actorOf(request), request.params.date, request.body),
  );

  app.get(
    '/api/billing/deposit-slips',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'Deposit slips, newest first' },
    },
    async (request) =>
      (
        await db.kysely
          .selectFrom('deposit_slips')
          .select(['id', 'number', 'kind', 'bank', 'iban', 'slip_date', 'item_count', 'total_cents'])
          .where('organization_id', '=', actorOf(request).organizationId)
          .orderBy('created_at', 'desc')
          .limit(200)
          .execute()
      ).map((s) => ({
        id: s.id,
        number: s.number,
        kind: s.kind,
        bank: s.bank,
        iban: s.iban,
        date: s.slip_date,
        count: s.item_count,
        totalCents: s.total_cents,
      })),
  );

  app.post(
    '/api/billing/deposit-slips',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Put undeposited cheques on a deposit slip and mark them deposited',
        body: chequeDepositSlipInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createChequeSlip(db.kysely, actorOf(request), request.body)),
  );

  app.post(
    '/api/billing/deposit-slips/cash',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'A cash deposit slip by denomination',
        body: cashDepositSlipInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCashSlip(db.kysely, actorOf(request), request.body)),
  );

  app.get(
    '/api/billing/deposit-slips/:id/pdf',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'The deposit slip (cheques or cash) as PDF', params: idParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const organization = await organizationHeader(app, actor.organizationId);
      if ((await slipKind(db.kysely, actor.organizationId, request.params.id)) === 'cash') {
        const slip = await loadCashSlip(db.kysely, actor.organizationId, request.params.id);
        return pdfReply(reply, `bordereau-especes-${slip.number}.pdf`, await cashSlipPdf(slip, organization));
      }
      const slip = await loadChequeSlip(db.kysely, actor.organizationId, request.params.id);
      const pdf = await chequeSlipPdf(slip, organization);
      return pdfReply(reply, `bordereau-${slip.number}.pdf`, pdf);
    },
  );

  app.get(
    '/api/billing/claims',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Claims to insurers; status=rejected lists rejections with their reason for rework',
        querystring: z.object({
          status: z
            .enum(['pending', 'sent', 'acknowledged', 'paid', 'partially_paid', 'rejected', 'cancelled'])
            .optional(),
        }),
      },
    },
    async (request) => listClaims(db.kysely, actorOf(request), request.query.status),
  );

  app.post(
    '/api/billing/claims/:id/resend',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary:
          'Send a rejected claim again with the next batches, with the insured person as the coverage now says',
        params: idParams,
      },
    },
    async (request) => resendClaim(db.kysely, actorOf(request), request.params.id),
  );

  app.get(
    '/api/billing/claim-batches',
    { config: { permission: 'billing.read' }, schema: { tags: ['billing'], summary: 'Claim batches sent' } },
    async (request) => listBatches(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/billing/claim-batches',
    {
      config: { permission: 'billing.write' },
      schema: { tags: ['billing'], summary: 'Group pending claims in batches per insurer and send them' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendPendingClaims(db.kysely, actorOf(request), claimsAdapter, todayInParis())),
  );

  app.post(
    '/api/billing/remittances',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Import a remittance file (acknowledgements, payments, rejections); idempotent by return id',
        body: z.object({
          fileName: text().trim().min(1).max(200),
          content: text().min(1).max(5_000_000),
        }),
      },
    },
    async (request) => importRemittance(db.kysely, actorOf(request), request.body),
  );

  app.get(
    '/api/billing/reports/takings',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Takings per day or month, by practitioner, payment method and insurer',
        querystring: z.object({
          from: isoDate,
          to: isoDate,
          granularity: z.enum(['day', 'month']).default('day'),
        }),
      },
    },
    async (request) => takings(db.kysely, actorOf(request).organizationId, request.query),
  );

  app.get(
    '/api/billing/reports/ageing',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Receivables ageing (0–30, 31–60, 61–90, over 90 days) per debtor',
        querystring: z.object({ asOf: isoDate.optional() }),
      },
    },
    async (request) =>
      ageing(db.kysely, actorOf(request).organizationId, request.query.asOf ?? todayInParis()),
  );
}
