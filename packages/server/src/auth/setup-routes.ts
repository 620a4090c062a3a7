import { setupResultView, setupStateView } from '@pivot/core/auth';
import { text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createFirstAdmin, userCount } from './setup.ts';

const setupInput = z.object({
  organizationName: text().trim().min(1).max(200),
  email: text().trim().toLowerCase().email().max(254),
  displayName: text().trim().min(1).max(120),
  password: text().min(1).max(256),
});

export async function setupRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/setup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether the first administrator still has to be created',
        response: { 200: setupStateView },
      },
    },
    async () => ({ mode: app.config.mode, needed: (await userCount(app.db)) === 0 }),
  );
  app.post(
    '/api/setup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the organization and its first administrator',
        body: setupInput,
        response: { 201: setupResultView },
      },
    },
    async (request, reply) => reply.status(201).send(await createFirstAdmin(app.db, request.body)),
  );
}
