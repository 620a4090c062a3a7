import { DomainError } from '@pivot/core';
import { checkPasswordStrength } from '@pivot/core/auth';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from './passwords.ts';

export async function userCount(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface OrganizationWithAdmin {
  organizationName: string;
  email: string;
  displayName: string;
  password: string;
}

/** First start in production: creates the organization and its first administrator, once. */
export async function createFirstAdmin(db: Db, input: OrganizationWithAdmin) {
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  return db.kysely.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('users').select('id').limit(1).execute();
    if (existing.length > 0) throw new DomainError('setup_already_done');
    return insertOrganizationWithAdmin(tx, input, hash, 'setup');
  });
}

/**
 * Another organization on the same server (a group of practices), with its first administrator.
 * Operator only (`npm run create-organization`), never an HTTP route: no account of one
 * organization may create another. E-mails identify accounts across the whole server.
 */
export async function createOrganization(db: Db, input: OrganizationWithAdmin) {
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  return db.kysely.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', input.email.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new DomainError('email_taken', { field: 'email' });
    return insertOrganizationWithAdmin(tx, input, hash, 'organization_created');
  });
}

async function insertOrganizationWithAdmin(
  tx: Kysely<Database>,
  input: OrganizationWithAdmin,
  passwordHash: string,
  action: 'setup' | 'organization_created',
) {
  const org = await tx
    .insertInto('organizations')
    .values({ name: input.organizationName, address: '{}', opening_hours: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await tx
    .insertInto('users')
    .values({
      organization_id: org.id,
      email: input.email.toLowerCase(),
      display_name: input.displayName,
      role: 'admin',
      password_hash: passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(tx, {
    organizationId: org.id,
    userId: user.id,
    action,
    entity: 'organization',
    entityId: org.id,
  });
  return { organizationId: org.id, userId: user.id };
}
