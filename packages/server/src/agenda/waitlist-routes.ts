import { versionedIdView, waitlistEntryInput, waitlistEntryView } from '@pivot/core/agenda';
import { id, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { addToWaitlist, closeWaitlistEntry, waitlist } from './waitlist-service.ts';

const idParams = z.object({ id });
const tags = ['agenda'];

/** The waitlist of patients wanting an earlier slot. */
export async function waitlistRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/agenda/waitlist',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Active waitlist entries, oldest first',
        response: { 200: z.array(waitlistEntryView) },
      },
    },
    async (request) => waitlist(db, actorOf(request)),
  );

  app.post(
    '/api/agenda/waitlist',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Put a patient on the waitlist for an earlier slot',
        body: waitlistEntryInput,
        response: { 201: versionedIdView },
      },
    },
    async (request, reply) => reply.status(201).send(await addToWaitlist(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/agenda/waitlist/:id/close',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Take an entry off the waitlist',
        params: idParams,
        body: z.object({ version }),
        response: { 200: versionedIdView.extend({ active: z.boolean() }) },
      },
    },
    async (request) => closeWaitlistEntry(db, actorOf(request), request.params.id, request.body.version),
  );
}
