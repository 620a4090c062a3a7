import { DomainError } from '@pivot/core';
import { id, text } from '@pivot/core/input';
import { organizationInput, siteInput } from '@pivot/core/organization';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';

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
      schema: { tags: ['organization'], summary: 'My organization, its sites and rooms' },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await db.kysely
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', actor.organizationId)
        .executeTakeFirstOrThrow();
      const sites = await db.kysely
        .selectFrom('sites')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .orderBy('name')
        .execute();
      const rooms = await db.kysely
        .selectFrom('rooms')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .orderBy('name')
        .execute();
      return {
        id: org.id,
        name: org.name,
        kind: org.kind,
        finess: org.finess,
        siret: org.siret,
        address: org.address,
        phone: org.phone,
        email: org.email,
        openingHours: org.opening_hours,
        version: org.version,
        sites: sites.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          finess: s.finess,
          address: s.address,
          openingHours: s.opening_hours,
          active: s.active,
          version: s.version,
        })),
        rooms: rooms.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          siteId: r.site_id,
          active: r.active,
          version: r.version,
        })),
      };
    },
  );

  app.put(
    '/api/organization',
    {
      config: { permission: 'organization.manage' },
      schema: { tags: ['organization'], summary: 'Update my organization', body: organizationInput },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        const version = await updateVersioned(
          tx,
          'organizations',
          { organizationId: actor.organizationId, id: actor.organizationId, version: input.version },
          {
            name: input.name,
            kind: input.kind,
            finess: input.finess,
            siret: input.siret,
            address: JSON.stringify(input.address),
            phone: input.phone,
            email: input.email,
            opening_hours: JSON.stringify(input.openingHours),
            updated_at: new Date(),
          },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'organization',
          entityId: actor.organizationId,
        });
        return { version };
      });
    },
  );

  app.post(
    '/api/organization/sites',
    {
      config: { permission: 'organization.manage' },
      schema: { tags: ['organization'], summary: 'Add a site or unit', body: siteInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const site = await db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('sites')
          .values({
            organization_id: actor.organizationId,
            name: input.name,
            kind: input.kind,
            finess: input.finess,
            address: JSON.stringify(input.address),
            opening_hours: JSON.stringify(input.openingHours),
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'site', entityId: row.id });
        return row;
      });
      return reply.status(201).send(site);
    },
  );

  app.post(
    '/api/organization/rooms',
    {
      config: { permission: 'organization.manage' },
      schema: { tags: ['organization'], summary: 'Add a room', body: roomInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const room = await db.kysely.transaction().execute(async (tx) => {
        if (input.siteId) {
          const site = await tx
            .selectFrom('sites')
            .select('id')
            .where('id', '=', input.siteId)
            .where('organization_id', '=', actor.organizationId)
            .executeTakeFirst();
          if (!site) throw new DomainError('not_found', { field: 'siteId' });
        }
        const row = await tx
          .insertInto('rooms')
          .values({
            organization_id: actor.organizationId,
            name: input.name,
            kind: input.kind,
            site_id: input.siteId,
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'room', entityId: row.id });
        return row;
      });
      return reply.status(201).send(room);
    },
  );
}
