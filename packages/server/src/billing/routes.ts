import {
  billedVisitView,
  billingPractitionerView,
  catalogueUpdatedView,
  catalogueView,
  creditNoteIssuedView,
  invoiceRowView,
  invoiceView,
  isoDate,
  visitDraftView,
  visitPreviewView,
} from '@pivot/core/billing';
import { parisToday } from '@pivot/core/calendar';
import { id, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activePractitioners } from '../auth/index.ts';
import { actorOf } from '../http/request-context.ts';
import { catalogueOn, updateCatalogue } from './catalogue-service.ts';
import { claimsRoutes } from './claims-routes.ts';
import { type ClaimTransmissionAdapter, fileTransmissionAdapter } from './claims-service.ts';
import { issueCreditNote, listInvoices, readInvoice, refuseInvoiceDeletion } from './invoice-service.ts';
import { paymentRoutes } from './payment-routes.ts';
import { pdfReply } from './pdf-reply.ts';
import { printInvoice, printQuote } from './printing-service.ts';
import { visitDraft } from './visit-draft.ts';
import { billVisit, previewVisit, visitInput } from './visit-service.ts';

const idParams = z.object({ id });
const range = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** Catalogue, visits and invoices here; payments and the cash desk, and claims, in their own files. */
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
      schema: {
        tags: ['billing'],
        summary: 'Practitioners who bill, with their sector',
        response: { 200: z.array(billingPractitionerView) },
      },
    },
    async (request) => activePractitioners(db.kysely, actorOf(request).organizationId),
  );

  app.get(
    '/api/billing/catalogue',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'The acts catalogue with its source and date, and the tariffs in force on a date',
        querystring: z.object({ date: isoDate.optional() }),
        response: { 200: catalogueView },
      },
    },
    async (request) =>
      catalogueOn(db.kysely, actorOf(request).organizationId, request.query.date ?? parisToday()),
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
        response: { 200: catalogueUpdatedView },
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
        response: { 200: visitPreviewView },
      },
    },
    async (request) => previewVisit(db.kysely, actorOf(request), request.body),
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
    async (request, reply) => pdfReply(reply, await printQuote(db.kysely, actorOf(request), request.body)),
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
        response: { 200: visitDraftView },
      },
    },
    async (request) => visitDraft(db.kysely, actorOf(request), { ...request.query, date: parisToday() }),
  );

  app.post(
    '/api/billing/visits',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Bill a visit: invoice, receivables, claim',
        body: visitInput,
        response: { 201: billedVisitView },
      },
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
        response: { 200: z.array(invoiceRowView) },
      },
    },
    async (request) => listInvoices(db.kysely, actorOf(request), request.query),
  );

  app.get(
    '/api/billing/invoices/:id',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'An invoice',
        params: idParams,
        response: { 200: invoiceView },
      },
    },
    async (request) => readInvoice(db.kysely, actorOf(request), request.params.id),
  );

  app.get(
    '/api/billing/invoices/:id/pdf',
    {
      config: { permission: 'billing.read' },
      schema: { tags: ['billing'], summary: 'The note d’honoraires as PDF', params: idParams },
    },
    async (request, reply) =>
      pdfReply(reply, await printInvoice(db.kysely, actorOf(request), request.params.id)),
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
    async (request) => refuseInvoiceDeletion(db.kysely, actorOf(request).organizationId, request.params.id),
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
        response: { 201: creditNoteIssuedView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await issueCreditNote(db.kysely, actorOf(request), request.params.id, {
          reason: request.body.reason,
          date: request.body.date ?? parisToday(),
        }),
      ),
  );

  await paymentRoutes(fastify);
  await claimsRoutes(fastify, claimsAdapter);
}
