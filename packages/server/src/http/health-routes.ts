import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/ping.ts';

export async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['operations'], summary: 'Liveness and database probe' },
    },
    async (_request, reply) => {
      try {
        await pingDatabase(app.db);
        return { status: 'ok', database: app.db.driver };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: app.db.driver });
      }
    },
  );
}
