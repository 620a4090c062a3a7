import { DomainError } from '@pivot/core';
import {
  assertPractitionerRpps,
  checkPasswordStrength,
  type Role,
  userInput,
  userUpdateInput,
} from '@pivot/core/auth';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import { revokeAllSessions } from './auth-service.ts';
import { hashPassword } from './passwords.ts';
import { assertRppsFree, recordPractitionerGrant } from './practitioner-grant.ts';

const userView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  language: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  rpps: z.string().nullable(),
  specialty: z.string().nullable(),
  version: z.number(),
});
const idParams = z.object({ id });

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  const columns = [
    'id',
    'email',
    'display_name',
    'role',
    'language',
    'active',
    'totp_enabled',
    'rpps',
    'specialty',
    'version',
  ] as const;
  const view = (u: {
    id: string;
    email: string;
    display_name: string;
    role: string;
    language: string;
    active: boolean;
    totp_enabled: boolean;
    rpps: string | null;
    specialty: string | null;
    version: number;
  }) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    language: u.language,
    active: u.active,
    totpEnabled: u.totp_enabled,
    rpps: u.rpps,
    specialty: u.specialty,
    version: u.version,
  });

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
    async (request) => {
      const actor = actorOf(request);
      const rows = await db.kysely
        .selectFrom('users')
        .select(columns)
        .where('organization_id', '=', actor.organizationId)
        .orderBy('display_name')
        .execute();
      return rows.map(view);
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'Create an account', body: userInput, response: { 201: userView } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      checkPasswordStrength(input.password);
      const hash = await hashPassword(input.password);
      const created = await db.kysely.transaction().execute(async (tx) => {
        const taken = await tx
          .selectFrom('users')
          .select('id')
          .where(sql`lower(email)`, '=', input.email)
          .executeTakeFirst();
        if (taken) throw new DomainError('email_taken', { field: 'email' });
        await assertRppsFree(tx, actor.organizationId, input.rpps, null);
        const row = await tx
          .insertInto('users')
          .values({
            organization_id: actor.organizationId,
            email: input.email,
            display_name: input.displayName,
            role: input.role,
            password_hash: hash,
            language: input.language,
            rpps: input.rpps ?? null,
            specialty: input.specialty ?? null,
          })
          .returning(columns)
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'user',
          entityId: row.id,
          details: { role: input.role },
        });
        if (row.role === 'practitioner')
          await recordPractitionerGrant(
            tx,
            actor,
            { id: row.id, displayName: row.display_name, email: row.email, rpps: row.rpps ?? '' },
            null,
          );
        return row;
      });
      return reply.status(201).send(view(created));
    },
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
    async (request) => {
      const actor = actorOf(request);
      const { version, ...changes } = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        if (changes.active === false || (changes.role && changes.role !== 'admin')) {
          const admins = await tx
            .selectFrom('users')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('role', '=', 'admin')
            .where('active', '=', true)
            .execute();
          if (admins.length === 1 && admins[0]!.id === request.params.id) throw new DomainError('last_admin');
        }
        const before = await tx
          .selectFrom('users')
          .select(['role', 'rpps'])
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .executeTakeFirst();
        if (!before) throw new DomainError('not_found');
        const role = (changes.role ?? before.role) as Role;
        const rpps = changes.rpps ?? before.rpps;
        assertPractitionerRpps(role, rpps);
        if (changes.rpps !== undefined)
          await assertRppsFree(tx, actor.organizationId, changes.rpps, request.params.id);
        // Four eyes: another administrator gives an administrator the practitioner role.
        if (request.params.id === actor.userId && role === 'practitioner' && before.role !== 'practitioner')
          throw new DomainError('practitioner_self_grant', { field: 'role' });
        const set: Record<string, unknown> = {};
        if (changes.rpps !== undefined) set.rpps = changes.rpps;
        if (changes.displayName !== undefined) set.display_name = changes.displayName;
        if (changes.role !== undefined) set.role = changes.role;
        if (changes.active !== undefined) set.active = changes.active;
        if (changes.language !== undefined) set.language = changes.language;
        await updateVersioned(
          tx,
          'users',
          { organizationId: actor.organizationId, id: request.params.id, version },
          set,
        );
        if (changes.active === false) {
          await tx
            .updateTable('sessions')
            .set({ revoked_at: new Date() })
            .where('user_id', '=', request.params.id)
            .where('revoked_at', 'is', null)
            .execute();
        }
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'user',
          entityId: request.params.id,
          details: { fields: Object.keys(set) },
        });
        const after = await tx
          .selectFrom('users')
          .select(columns)
          .where('id', '=', request.params.id)
          .executeTakeFirstOrThrow();
        if (after.role === 'practitioner' && before.role !== 'practitioner')
          await recordPractitionerGrant(
            tx,
            actor,
            { id: after.id, displayName: after.display_name, email: after.email, rpps: after.rpps ?? '' },
            before.role,
          );
        return view(after);
      });
    },
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'Close every session of an account', params: idParams },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await db.kysely
        .selectFrom('users')
        .select('id')
        .where('id', '=', request.params.id)
        .where('organization_id', '=', actor.organizationId)
        .executeTakeFirst();
      if (!user) throw new DomainError('not_found');
      return { revoked: await revokeAllSessions(db, user.id) };
    },
  );
}
