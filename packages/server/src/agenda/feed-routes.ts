import { feedView, newFeedView } from '@pivot/core/agenda';
import { id, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { renderFeed } from './calendar-feed.ts';
import { feeds, subscribeFeed, unsubscribeFeed } from './feed-service.ts';

const idParams = z.object({ id });
const tags = ['agenda'];

/** iCalendar subscriptions: a secret URL per practitioner or room, read by Outlook and other clients. */
export async function feedRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.post(
    '/api/agenda/feeds',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'A new secret iCalendar subscription URL for a practitioner or room (the previous one stops working)',
        body: z.object({
          resourceId: id,
          resourceKind: z.enum(['practitioner', 'room']),
          showPatientNames: z.boolean().default(false),
        }),
        response: { 201: newFeedView },
      },
    },
    async (request, reply) => reply.status(201).send(await subscribeFeed(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/agenda/feeds',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Active calendar subscriptions (the secret URL is shown only at creation)',
        response: { 200: z.array(feedView) },
      },
    },
    async (request) => feeds(db, actorOf(request)),
  );

  app.delete(
    '/api/agenda/feeds/:id',
    {
      config: { permission: 'agenda.write' },
      schema: { tags, summary: 'Revoke a calendar subscription: its URL stops working', params: idParams },
    },
    async (request, reply) => {
      await unsubscribeFeed(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/agenda/feeds/:token',
    {
      config: { permission: 'public', secretInUrl: true },
      schema: {
        tags,
        summary: 'iCalendar (RFC 5545) feed, read by Outlook and other calendar clients',
        params: z.object({ token: text().min(10).max(100) }),
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      const body = await renderFeed(db.kysely, token, {
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
}
