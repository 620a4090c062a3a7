import { DomainError } from '@pivot/core';
import { checkPasswordStrength } from '@pivot/core/auth';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { insertOrganization } from '../organization/index.ts';
import { hashPassword } from './passwords.ts';
import { anyAccount, countUsers, emailTaken, insertAdministrator } from './repository.ts';

export async function userCount(db: Db): Promise<number> {
  return countUsers(db.kysely);
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
    const existing = await anyAccount(tx);
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
    if (await emailTaken(tx, input.email.toLowerCase()))
      throw new DomainError('email_taken', { field: 'email' });
    return insertOrganizationWithAdmin(tx, input, hash, 'organization_created');
  });
}

async function insertOrganizationWithAdmin(
  tx: Kysely<Database>,
  input: OrganizationWithAdmin,
  passwordHash: string,
  action: 'setup' | 'organization_created',
) {
  const org = await insertOrganization(tx, { name: input.organizationName });
  const user = await insertAdministrator(tx, org.id, {
    email: input.email.toLowerCase(),
    displayName: input.displayName,
    passwordHash,
  });
  await writeAudit(tx, {
    organizationId: org.id,
    userId: user.id,
    action,
    entity: 'organization',
    entityId: org.id,
  });
  return { organizationId: org.id, userId: user.id };
}
