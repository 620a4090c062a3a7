import {
  ageingView,
  cashClosingInput,
  cashDayView,
  cashDepositSlipInput,
  cashDepositSlipView,
  chequeDepositSlipInput,
  chequeDepositSlipView,
  depositSlipRow,
  isoDate,
  nonNegativeCents,
  paymentInput,
  paymentRecordedView,
  paymentRowView,
  refundBalanceView,
  refundInput,
  refundMadeView,
  reminderRecorded,
  takingsView,
  unpaidView,
} from '@pivot/core/billing';
import { parisToday } from '@pivot/core/calendar';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  cashDayView as cashDay,
  closeDay,
  createCashSlip,
  createChequeSlip,
  depositSlips,
  openDay,
} from './cash-desk.ts';
import { listPayments, recordPayment } from './payment-service.ts';
import { pdfReply } from './pdf-reply.ts';
import { printDepositSlip } from './printing-service.ts';
import { ageing, listUnpaid, remindDebtor, takings } from './receivables.ts';
import { listRefundable, refund } from './refund-service.ts';

const idParams = z.object({ id });
const dateParams = z.object({ date: isoDate });
const range = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** Money received and owed: payments, refunds, receivables and their reports, the cash desk, deposit slips. */
export async function paymentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

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
        response: { 200: z.array(paymentRowView) },
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
        response: { 201: paymentRecordedView },
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
        response: { 200: z.array(refundBalanceView) },
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
        response: { 201: refundMadeView },
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
        response: { 200: unpaidView },
      },
    },
    async (request) =>
      listUnpaid(db.kysely, actorOf(request), request.query, request.query.asOf ?? parisToday()),
  );

  app.post(
    '/api/billing/receivables/:id/reminders',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Record a reminder sent for an unpaid amount',
        params: idParams,
        response: { 200: reminderRecorded },
      },
    },
    async (request) => remindDebtor(db.kysely, actorOf(request), request.params.id, parisToday()),
  );

  app.get(
    '/api/billing/cash-days/:date',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The cash desk of a day: float, expected cash, closing',
        params: dateParams,
        response: { 200: cashDayView },
      },
    },
    async (request) => cashDay(db.kysely, actorOf(request).organizationId, request.params.date),
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
        response: { 200: cashDayView },
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
        response: { 200: cashDayView },
      },
    },
    async (request) => closeDay(db.kysely, actorOf(request), request.params.date, request.body),
  );

  app.get(
    '/api/billing/deposit-slips',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Deposit slips, newest first',
        response: { 200: z.array(depositSlipRow) },
      },
    },
    async (request) => depositSlips(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/billing/deposit-slips',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Put undeposited cheques on a deposit slip and mark them deposited',
        body: chequeDepositSlipInput,
        response: { 201: chequeDepositSlipView },
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
        response: { 201: cashDepositSlipView },
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
    async (request, reply) =>
      pdfReply(reply, await printDepositSlip(db.kysely, actorOf(request).organizationId, request.params.id)),
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
        response: { 200: takingsView },
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
        response: { 200: ageingView },
      },
    },
    async (request) => ageing(db.kysely, actorOf(request).organizationId, request.query.asOf ?? parisToday()),
  );
}
