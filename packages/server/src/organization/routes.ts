import { id, text } from '@pivot/core/input';
import {
  createdPlace,
  newVersion,
  organizationInput,
  organizationView,
  siteInput,
} from '@pivot/core/organization';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { addRoom, addSite, changeOrganization, readOrganization } from './organization-service.ts';

const roomInput = z.object({
  name: text().trim().min(1).max(120),
  kind: text().trim().min(1).max(60).default('consultation'),
  siteId: id.nullable().default(null),
});

export async function organizationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/organization',
    {
      config: { permission: 'organization.read' },
      schema: {
        tags: ['organization'],
        summary: 'My organization, its sites and rooms',
        response: { 200: organizationView },
      },
    },
    async (request) => readOrganization(db.kysely, actorOf(request).organizationId),
  );

  app.put(
    '/api/organization',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['organization'],
        summary: 'Update my organization',
        body: organizationInput,
        response: { 200: newVersion },
      },
    },
    async (request) => changeOrganization(db.kysely, actorOf(request), request.body),
  );

  app.post(
    '/api/organization/sites',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['organization'],
        summary: 'Add a site or unit',
        body: siteInput,
        response: { 201: createdPlace },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSite(db.kysely, actorOf(request), request.body)),
  );

  app.post(
    '/api/organization/rooms',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['organization'],
        summary: 'Add a room',
        body: roomInput,
        response: { 201: createdPlace },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addRoom(db.kysely, actorOf(request), request.body)),
  );
}
