import { userInput, userUpdateInput, userView } from '@pivot/core/auth';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { accountsOf, changeAccount, createAccount, revokeSessionsOf } from './users-service.ts';

const idParams = z.object({ id });

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Accounts of my organization',
        response: { 200: z.array(userView) },
      },
    },
    async (request) => accountsOf(db, actorOf(request).organizationId),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'Create an account', body: userInput, response: { 201: userView } },
    },
    async (request, reply) => reply.status(201).send(await createAccount(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Change role, language, RPPS or deactivate (a practitioner needs a valid RPPS)',
        params: idParams,
        body: userUpdateInput,
        response: { 200: userView },
      },
    },
    async (request) => changeAccount(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'Close every session of an account', params: idParams },
    },
    async (request) => revokeSessionsOf(db, actorOf(request).organizationId, request.params.id),
  );
}
