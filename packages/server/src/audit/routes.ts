import { auditEntryView } from '@pivot/core/audit';
import { id, instant, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { readAuditLog } from './repository.ts';

const auditQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  userId: id.optional(),
  action: text().max(60).optional(),
  entity: text().max(60).optional(),
  patientId: id.optional(),
  limit: integerParam.min(1).max(500).default(100),
  beforeId: integerParam.positive().optional(),
});

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log of my organization, newest first',
        querystring: auditQuery,
        response: { 200: z.array(auditEntryView) },
      },
    },
    async (request) => readAuditLog(app.db.kysely, actorOf(request).organizationId, request.query),
  );
}
