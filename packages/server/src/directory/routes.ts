import { DomainError } from '@pivot/core';
import {
  bodyTypes,
  correspondentInput,
  correspondentKinds,
  correspondentUpdateInput,
  distributionListInput,
  distributionListUpdateInput,
} from '@pivot/core/directory';
import { id, integerParam, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import { careTeamRoutes } from './care-team.ts';
import {
  checkCorrespondentIds,
  correspondentColumns,
  correspondentView,
  loadCorrespondent,
  searchCorrespondents,
} from './correspondents.ts';

const idParams = z.object({ id });
const versionBody = z.object({ version });
// Correspondents are not patients: a search word in the address bar (and so in logs) is acceptable.
const searchQuery = z.object({
  q: text().max(200).optional(),
  kind: z.enum(correspondentKinds).optional(),
  bodyType: z.enum(bodyTypes).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: integerParam.min(1).max(500).default(50),
});

async function loadList(tx: Kysely<Database>, organizationId: string, id: string) {
  const list = await tx
    .selectFrom('distribution_lists')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!list) throw new DomainError('not_found');
  const members = await tx
    .selectFrom('distribution_list_members')
    .innerJoin('correspondents', 'correspondents.id', 'distribution_list_members.correspondent_id')
    .selectAll('correspondents')
    .where('distribution_list_members.list_id', '=', id)
    .where('distribution_list_members.organization_id', '=', organizationId)
    .orderBy('distribution_list_members.position')
    .execute();
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    version: list.version,
    members: members.map(correspondentView),
  };
}

async function replaceMembers(tx: Kysely<Database>, organizationId: string, listId: string, ids: string[]) {
  await checkCorrespondentIds(tx, organizationId, ids, 'memberIds');
  await tx.deleteFrom('distribution_list_members').where('list_id', '=', listId).execute();
  if (ids.length === 0) return;
  await tx
    .insertInto('distribution_list_members')
    .values(
      ids.map((id, position) => ({
        organization_id: organizationId,
        list_id: listId,
        correspondent_id: id,
        position,
      })),
    )
    .execute();
}

export async function directoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/directory/correspondents',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags: ['directory'],
        summary: 'Search the correspondents: words in any order, accents optional, or a phone number',
        querystring: searchQuery,
      },
    },
    async (request) => searchCorrespondents(db.kysely, actorOf(request).organizationId, request.query),
  );

  app.get(
    '/api/directory/correspondents/:id',
    {
      config: { permission: 'directory.read' },
      schema: { tags: ['directory'], summary: 'A correspondent', params: idParams },
    },
    async (request) =>
      correspondentView(
        await loadCorrespondent(db.kysely, actorOf(request).organizationId, request.params.id),
      ),
  );

  app.post(
    '/api/directory/correspondents',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Add a practitioner (RPPS checked) or a body (CPAM, mutuelle, hospital...)',
        body: correspondentInput,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('correspondents')
          .values({ organization_id: actor.organizationId, ...correspondentColumns(request.body) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'correspondent',
          entityId: row.id,
          details: { kind: row.kind },
        });
        return row;
      });
      return reply.status(201).send(correspondentView(created));
    },
  );

  app.put(
    '/api/directory/correspondents/:id',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Change a correspondent (409 stale_version if someone changed it meanwhile)',
        params: idParams,
        body: correspondentUpdateInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { version, ...input } = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        await updateVersioned(
          tx,
          'correspondents',
          { organizationId: actor.organizationId, id: request.params.id, version },
          { ...correspondentColumns(input), updated_at: new Date() },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'correspondent',
          entityId: request.params.id,
        });
        return correspondentView(await loadCorrespondent(tx, actor.organizationId, request.params.id));
      });
    },
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/directory/correspondents/:id/${path}`,
      {
        config: { permission: 'directory.write' },
        schema: {
          tags: ['directory'],
          summary: active
            ? 'Reactivate a correspondent'
            : 'Deactivate a correspondent (kept for the records that name it, hidden from searches)',
          params: idParams,
          body: versionBody,
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.kysely.transaction().execute(async (tx) => {
          await updateVersioned(
            tx,
            'correspondents',
            { organizationId: actor.organizationId, id: request.params.id, version: request.body.version },
            { active, updated_at: new Date() },
          );
          await auditFrom(actor)(tx, { action: path, entity: 'correspondent', entityId: request.params.id });
          return correspondentView(await loadCorrespondent(tx, actor.organizationId, request.params.id));
        });
      },
    );
  }

  app.get(
    '/api/directory/lists',
    {
      config: { permission: 'directory.read' },
      schema: { tags: ['directory'], summary: 'Distribution lists with their number of members' },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db.kysely
        .selectFrom('distribution_lists')
        .leftJoin('distribution_list_members', 'distribution_list_members.list_id', 'distribution_lists.id')
        .select(({ fn }) => [
          'distribution_lists.id',
          'distribution_lists.name',
          'distribution_lists.description',
          'distribution_lists.version',
          fn.count<string>('distribution_list_members.correspondent_id').as('member_count'),
        ])
        .where('distribution_lists.organization_id', '=', actor.organizationId)
        .groupBy('distribution_lists.id')
        .orderBy('distribution_lists.name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        version: r.version,
        memberCount: Number(r.member_count),
      }));
    },
  );

  app.get(
    '/api/directory/lists/:id',
    {
      config: { permission: 'directory.read' },
      schema: { tags: ['directory'], summary: 'A distribution list with its members', params: idParams },
    },
    async (request) => loadList(db.kysely, actorOf(request).organizationId, request.params.id),
  );

  app.post(
    '/api/directory/lists',
    {
      config: { permission: 'directory.write' },
      schema: { tags: ['directory'], summary: 'Create a distribution list', body: distributionListInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const list = await db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('distribution_lists')
          .values({ organization_id: actor.organizationId, name: input.name, description: input.description })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceMembers(tx, actor.organizationId, row.id, input.memberIds);
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'distribution_list',
          entityId: row.id,
          details: { members: input.memberIds.length },
        });
        return loadList(tx, actor.organizationId, row.id);
      });
      return reply.status(201).send(list);
    },
  );

  app.put(
    '/api/directory/lists/:id',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Rename a distribution list and replace its members',
        params: idParams,
        body: distributionListUpdateInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { version, ...input } = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        await updateVersioned(
          tx,
          'distribution_lists',
          { organizationId: actor.organizationId, id: request.params.id, version },
          { name: input.name, description: input.description, updated_at: new Date() },
        );
        await replaceMembers(tx, actor.organizationId, request.params.id, input.memberIds);
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'distribution_list',
          entityId: request.params.id,
          details: { members: input.memberIds.length },
        });
        return loadList(tx, actor.organizationId, request.params.id);
      });
    },
  );

  app.delete(
    '/api/directory/lists/:id',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Delete a distribution list (its correspondents stay in the directory)',
        params: idParams,
        querystring: z.object({ version: integerParam.nonnegative() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        const deleted = await tx
          .deleteFrom('distribution_lists')
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .where('version', '=', request.query.version)
          .returning('id')
          .executeTakeFirst();
        if (!deleted) {
          await loadList(tx, actor.organizationId, request.params.id);
          throw new DomainError('stale_version', { field: 'version' });
        }
        await auditFrom(actor)(tx, {
          action: 'delete',
          entity: 'distribution_list',
          entityId: request.params.id,
        });
      });
      return reply.status(204).send();
    },
  );

  await careTeamRoutes(fastify);
}
