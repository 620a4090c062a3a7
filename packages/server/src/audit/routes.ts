import { id, instant, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { namesPatient } from './audit-log.ts';

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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      let query = app.db.kysely
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.user_id',
          'users.display_name as user_name',
          'audit_log.action',
          'audit_log.entity',
          'audit_log.entity_id',
          'audit_log.patient_id',
          'audit_log.patient_ids',
          'audit_log.ip',
          'audit_log.details',
        ])
        .where('audit_log.organization_id', '=', actor.organizationId);
      if (q.from) query = query.where('audit_log.at', '>=', new Date(q.from));
      if (q.to) query = query.where('audit_log.at', '<', new Date(q.to));
      if (q.userId) query = query.where('audit_log.user_id', '=', q.userId);
      if (q.action) query = query.where('audit_log.action', '=', q.action);
      if (q.entity) query = query.where('audit_log.entity', '=', q.entity);
      if (q.patientId) query = query.where(namesPatient(q.patientId));
      if (q.beforeId) query = query.where('audit_log.id', '<', q.beforeId);
      const rows = await query.orderBy('audit_log.id', 'desc').limit(q.limit).execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        patientId: r.patient_id,
        patientIds: r.patient_ids,
        ip: r.ip,
        details: r.details,
      }));
    },
  );
}
