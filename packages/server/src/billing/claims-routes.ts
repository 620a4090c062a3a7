import {
  claimBatchesSentView,
  claimBatchView,
  claimResentView,
  claimRowView,
  remittanceImportView,
} from '@pivot/core/billing';
import { parisToday } from '@pivot/core/calendar';
import { id, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  type ClaimTransmissionAdapter,
  importRemittance,
  listBatches,
  listClaims,
  resendClaim,
  sendPendingClaims,
} from './claims-service.ts';

const idParams = z.object({ id });

/** Claims to the insurers: their list and rework, the batches sent, the remittances returned. */
export async function claimsRoutes(fastify: FastifyInstance, claimsAdapter: ClaimTransmissionAdapter) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

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
        response: { 200: z.array(claimRowView) },
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
        response: { 200: claimResentView },
      },
    },
    async (request) => resendClaim(db.kysely, actorOf(request), request.params.id),
  );

  app.get(
    '/api/billing/claim-batches',
    {
      config: { permission: 'billing.read' },
      schema: {
        tags: ['billing'],
        summary: 'Claim batches sent',
        response: { 200: z.array(claimBatchView) },
      },
    },
    async (request) => listBatches(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/billing/claim-batches',
    {
      config: { permission: 'billing.write' },
      schema: {
        tags: ['billing'],
        summary: 'Group pending claims in batches per insurer and send them',
        response: { 201: claimBatchesSentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendPendingClaims(db.kysely, actorOf(request), claimsAdapter, parisToday())),
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
        response: { 200: remittanceImportView },
      },
    },
    async (request) => importRemittance(db.kysely, actorOf(request), request.body),
  );
}
