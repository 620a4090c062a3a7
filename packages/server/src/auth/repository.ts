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

// --- passwords and second factor -------------------------------------------------------------

/** The account with all its columns (its password hash); throws when there is none. */
export function findAccountWithSecrets(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

export async function setPasswordHash(tx: Kysely<Database>, userId: string, passwordHash: string) {
  await tx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Stores a new sealed TOTP secret, not enabled until a code confirms it. */
export async function setPendingTotpSecret(db: Kysely<Database>, userId: string, totpSecret: string) {
  await db
    .updateTable('users')
    .set({ totp_secret: totpSecret, totp_enabled: false })
    .where('id', '=', userId)
    .execute();
}

/** The account's stored TOTP secret (null when none); throws when there is no such account. */
export function findTotpSecret(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['totp_secret']).where('id', '=', userId).executeTakeFirstOrThrow();
}

/** The account's stored TOTP secret and whether it is enabled; throws when there is no such account. */
export function findTotpState(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function enableTotp(tx: Kysely<Database>, userId: string) {
  await tx.updateTable('users').set({ totp_enabled: true }).where('id', '=', userId).execute();
}

export async function removeTotp(tx: Kysely<Database>, userId: string) {
  await tx
    .updateTable('users')
    .set({ totp_enabled: false, totp_secret: null })
    .where('id', '=', userId)
    .execute();
}

/** The TOTP secrets still stored in clear, locked until the transaction ends. */
export function clearTotpSecretsForUpdate(tx: Kysely<Database>) {
  return tx
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .where('totp_secret', 'not like', 'v1:%')
    .forUpdate()
    .execute();
}

export async function setTotpSecret(tx: Kysely<Database>, userId: string, totpSecret: string) {
  await tx.updateTable('users').set({ totp_secret: totpSecret }).where('id', '=', userId).execute();
}

/** How many sealed TOTP secrets name another key than `keyId`. */
export async function countTotpSecretsOfAnotherKey(db: Kysely<Database>, keyId: string) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM users
    WHERE totp_secret LIKE 'v1:%' AND split_part(totp_secret, ':', 2) <> ${keyId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

// --- setup: the first organization and administrator ----------------------------------------

/** How many accounts the server holds, all organizations together. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One account of any organization, if the server has any (an empty list otherwise). */
export function anyAccount(tx: Kysely<Database>) {
  return tx.selectFrom('users').select('id').limit(1).execute();
}

/** An account of the demo practice (with its site, sector and RPPS); returns its id. */
export function insertDemoAccount(
  tx: Kysely<Database>,
  organizationId: string,
  account: {
    email: string;
    displayName: string;
    role: 'admin' | 'secretary' | 'practitioner' | 'accountant';
    passwordHash: string;
    rpps: string | null;
    specialty: string | null;
    sector: string | null;
    siteId: string | null;
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
      rpps: account.rpps,
      specialty: account.specialty,
      sector: account.sector,
      site_id: account.siteId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The organization's first administrator; returns its id. */
export function insertAdministrator(
  tx: Kysely<Database>,
  organizationId: string,
  admin: { email: string; displayName: string; passwordHash: string },
) {
  return tx
    .insertInto('users')
    .values({
      organization_id: organizationId,
      email: admin.email,
      display_name: admin.displayName,
      role: 'admin',
      password_hash: admin.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// --- the practitioner role -------------------------------------------------------------------

/** The organization's active administrators but `exceptUserId`: whom to tell of a grant. */
export function otherActiveAdmins(tx: Kysely<Database>, organizationId: string, exceptUserId: string) {
  return tx
    .selectFrom('users')
    .select(['email', 'language'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('id', '!=', exceptUserId)
    .execute();
}

/** The account of the organization holding this RPPS, but `exceptUserId`; undefined when none. */
export function rppsHolder(
  tx: Kysely<Database>,
  organizationId: string,
  rpps: string,
  exceptUserId: string | null,
) {
  let query = tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('rpps', '=', rpps);
  if (exceptUserId) query = query.where('id', '!=', exceptUserId);
  return query.executeTakeFirst();
}
