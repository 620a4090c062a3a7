import { outboxMessageView, outboxRunView, removedView } from '@pivot/core/documents';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { outboxMessages, processOutbox, retryMessage, transportsFor } from './outbox.ts';

const tags = ['documents'];

/** The messages leaving the system (e-mail, secure messaging) and their state. */
export async function outboxRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage, config } = app;

  app.get(
    '/api/outbox',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Messages leaving the system and their state',
        response: { 200: z.array(outboxMessageView) },
      },
    },
    async (request) => outboxMessages(db.kysely, actorOf(request)),
  );

  app.post(
    '/api/outbox/process',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Send the messages that are due now (the worker does it too)',
        response: { 200: outboxRunView },
      },
    },
    async () => processOutbox(db.kysely, storage, transportsFor(config)),
  );

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Retry a message now',
        params: z.object({ id }),
        response: { 200: removedView },
      },
    },
    async (request) => retryMessage(db.kysely, actorOf(request), request.params.id),
  );
}
