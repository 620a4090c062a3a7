import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The organization's active practitioners, by name, with what billing needs of them. */
export function activePractitioners(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'specialty', 'sector', 'rpps'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/** The signed-in user with the name of their organization. */
export function findMe(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.language',
      'users.organization_id',
      'users.totp_enabled',
      'organizations.name as organization_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setUserLanguage(db: Kysely<Database>, userId: string, language: string) {
  await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
}

/** What an account's administration shows and answers with. */
export const accountColumns = [
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

export function listAccounts(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('users')
    .select(accountColumns)
    .where('organization_id', '=', organizationId)
    .orderBy('display_name')
    .execute();
}

export function findAccount(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(accountColumns).where('id', '=', userId).executeTakeFirstOrThrow();
}

/** Whether an e-mail is taken by any account, whatever its organization (e-mails sign in). */
export async function emailTaken(tx: Kysely<Database>, email: string) {
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email)
    .executeTakeFirst();
  return taken !== undefined;
}

export function insertAccount(
  tx: Kysely<Database>,
  organizationId: string,
  account: {
    email: string;
    displayName: string;
    role: string;
    passwordHash: string;
    language: string;
    rpps: string | null;
    specialty: string | null;
  },
) {
  return tx
    .insertInto('users')
    .values({
      organization_id: organizationId,
      email: account.email,
      display_name: account.displayName,
      role: account.role,
      password_hash: account.passwordHash,
      language: account.language,
      rpps: account.rpps,
      specialty: account.specialty,
    })
    .returning(accountColumns)
    .executeTakeFirstOrThrow();
}

export function activeAdminIds(tx: Kysely<Database>, organizationId: string) {
  return tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .execute();
}

export function findRoleAndRpps(tx: Kysely<Database>, organizationId: string, userId: string) {
  return tx
    .selectFrom('users')
    .select(['role', 'rpps'])
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function accountExists(db: Kysely<Database>, organizationId: string, userId: string) {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return user !== undefined;
}

export async function revokeSessionsIn(tx: Kysely<Database>, userId: string) {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
