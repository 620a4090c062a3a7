import {
  bodyTypes,
  correspondentInput,
  correspondentKinds,
  correspondentUpdateInput,
  correspondentView,
  distributionListInput,
  distributionListSummaryView,
  distributionListUpdateInput,
  distributionListView,
} from '@pivot/core/directory';
import { id, integerParam, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { careTeamRoutes } from './care-team-routes.ts';
import {
  addCorrespondent,
  changeCorrespondent,
  findCorrespondents,
  readCorrespondent,
  setCorrespondentActive,
} from './correspondent-service.ts';
import {
  changeDistributionList,
  createDistributionList,
  distributionLists,
  readDistributionList,
  removeDistributionList,
} from './distribution-list-service.ts';

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
        response: { 200: z.array(correspondentView) },
      },
    },
    async (request) => findCorrespondents(db, actorOf(request), request.query),
  );

  app.get(
    '/api/directory/correspondents/:id',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags: ['directory'],
        summary: 'A correspondent',
        params: idParams,
        response: { 200: correspondentView },
      },
    },
    async (request) => readCorrespondent(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/directory/correspondents',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Add a practitioner (RPPS checked) or a body (CPAM, mutuelle, hospital...)',
        body: correspondentInput,
        response: { 201: correspondentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCorrespondent(db, actorOf(request), request.body)),
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
        response: { 200: correspondentView },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return changeCorrespondent(db, actorOf(request), request.params.id, version, input);
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
          response: { 200: correspondentView },
        },
      },
      async (request) =>
        setCorrespondentActive(db, actorOf(request), request.params.id, request.body.version, active),
    );
  }

  app.get(
    '/api/directory/lists',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags: ['directory'],
        summary: 'Distribution lists with their number of members',
        response: { 200: z.array(distributionListSummaryView) },
      },
    },
    async (request) => distributionLists(db, actorOf(request)),
  );

  app.get(
    '/api/directory/lists/:id',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags: ['directory'],
        summary: 'A distribution list with its members',
        params: idParams,
        response: { 200: distributionListView },
      },
    },
    async (request) => readDistributionList(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/directory/lists',
    {
      config: { permission: 'directory.write' },
      schema: {
        tags: ['directory'],
        summary: 'Create a distribution list',
        body: distributionListInput,
        response: { 201: distributionListView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDistributionList(db, actorOf(request), request.body)),
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
        response: { 200: distributionListView },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return changeDistributionList(db, actorOf(request), request.params.id, version, input);
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
      await removeDistributionList(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  await careTeamRoutes(fastify);
}
