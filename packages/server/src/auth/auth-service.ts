import { DomainError } from '@pivot/core';
import {
  areasOf,
  checkPasswordStrength,
  type LoginAttempt,
  type LoginInput,
  loginHistoryMinutes,
  loginThrottle,
  loginVerdict,
  type MeView,
  permissionsOf,
  type Role,
} from '@pivot/core/auth';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { writeAudit } from '../audit/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { findMe, setUserLanguage } from './repository.ts';
import type { SecretBox } from './secret-box.ts';
import { hashToken, newSessionToken } from './session-token.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

const loginActions = ['login', 'login_failed', 'login_locked'];

/**
 * Checks the credentials and opens a session. The answer never tells whether the account exists;
 * failures slow down their source, not the account's owner (core's `loginVerdict`).
 */
export async function login(
  db: Db,
  config: Config,
  secrets: SecretBox,
  input: LoginInput,
  client: ClientInfo,
) {
  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', input.email.toLowerCase())
    .executeTakeFirst();
  if (!user?.active) {
    await verifyPassword(await decoyHash(), input.password);
    throw new DomainError('invalid_credentials');
  }
  const now = Date.now();
  const attempts = await recentAttempts(db, user.id, now);
  const known = await isKnownSource(db, user.id, client.ip, now);
  const verdict = loginVerdict(attempts, client.ip, now, known);
  if (!verdict.allowed) {
    throw new DomainError('account_locked', {
      params: { minutes: Math.ceil((verdict.until - now) / 60_000) },
    });
  }
  const fail = async (error: DomainError) => {
    const failed = [...attempts, { at: now, source: client.ip, succeeded: false }];
    const locks = !loginVerdict(failed, client.ip, now, known).allowed;
    await recordFailure(db, user.id, user.organization_id, locks, client);
    return error;
  };
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw await fail(new DomainError('invalid_credentials'));
  }
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) throw new DomainError('totp_required', { field: 'totp' });
    if (!authenticator.check(input.totp, openTotpSecret(secrets, user.id, user.totp_secret, 'totp'))) {
      throw await fail(new DomainError('totp_invalid', { field: 'totp' }));
    }
  }
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  await db.kysely.transaction().execute(async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        organization_id: user.organization_id,
        expires_at: expiresAt,
        ip: client.ip,
        user_agent: client.userAgent,
      })
      .execute();
    await writeAudit(tx, {
      organizationId: user.organization_id,
      userId: user.id,
      action: 'login',
      entity: 'session',
      ip: client.ip,
      userAgent: client.userAgent,
    });
  });
  return { token, expiresAt, user };
}

/** The account's login attempts that `loginVerdict` weighs, read from the audit log. */
async function recentAttempts(db: Db, userId: string, now: number): Promise<LoginAttempt[]> {
  const rows = await db.kysely
    .selectFrom('audit_log')
    .select(['at', 'ip', 'action'])
    .where('user_id', '=', userId)
    .where('at', '>', new Date(now - loginHistoryMinutes * 60_000))
    .where('action', 'in', loginActions)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at).getTime(), source: r.ip, succeeded: r.action === 'login' }));
}

async function isKnownSource(db: Db, userId: string, ip: string, now: number): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .where('created_at', '>', new Date(now - loginThrottle.knownSourceDays * 86_400_000))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function recordFailure(
  db: Db,
  userId: string,
  organizationId: string,
  locks: boolean,
  client: ClientInfo,
) {
  await db.kysely.transaction().execute((tx) =>
    writeAudit(tx, {
      organizationId,
      userId,
      action: locks ? 'login_locked' : 'login_failed',
      entity: 'session',
      ip: client.ip,
      userAgent: client.userAgent,
    }),
  );
}

export async function logout(db: Db, token: string) {
  await db.kysely
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllSessions(db: Db, userId: string, except?: string) {
  let query = db.kysely
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function changePassword(
  db: Db,
  actor: { userId: string; organizationId: string; sessionId: string } & ClientInfo,
  currentPassword: string,
  newPassword: string,
) {
  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new DomainError('invalid_credentials', { field: 'currentPassword' });
  }
  if (currentPassword === newPassword) throw new DomainError('password_reused', { field: 'newPassword' });
  checkPasswordStrength(newPassword, 'newPassword');
  const hash = await hashPassword(newPassword);
  await db.kysely.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    // Other sessions are closed: whoever knew the old password is logged out.
    await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', user.id)
      .where('id', '!=', actor.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await writeAudit(tx, { ...actor, action: 'password_changed', entity: 'user', entityId: user.id });
  });
}

export async function startTotpSetup(db: Db, secrets: SecretBox, userId: string, email: string) {
  const secret = authenticator.generateSecret();
  await db.kysely
    .updateTable('users')
    .set({ totp_secret: sealTotpSecret(secrets, userId, secret), totp_enabled: false })
    .where('id', '=', userId)
    .execute();
  return { secret, otpauthUrl: authenticator.keyuri(email, 'Pivot', secret) };
}

export async function confirmTotp(
  db: Db,
  secrets: SecretBox,
  actor: { userId: string; organizationId: string } & ClientInfo,
  code: string,
) {
  const user = await db.kysely
    .selectFrom('users')
    .select(['totp_secret'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (
    !user.totp_secret ||
    !authenticator.check(code, openTotpSecret(secrets, actor.userId, user.totp_secret, 'code'))
  )
    throw new DomainError('totp_invalid', { field: 'code' });
  await db.kysely.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ totp_enabled: true }).where('id', '=', actor.userId).execute();
    await writeAudit(tx, { ...actor, action: 'totp_enabled', entity: 'user', entityId: actor.userId });
  });
}

export async function disableTotp(
  db: Db,
  secrets: SecretBox,
  actor: { userId: string; organizationId: string } & ClientInfo,
  code: string,
) {
  const user = await db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (
    !user.totp_enabled ||
    !user.totp_secret ||
    !authenticator.check(code, openTotpSecret(secrets, actor.userId, user.totp_secret, 'code'))
  ) {
    throw new DomainError('totp_invalid', { field: 'code' });
  }
  await db.kysely.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null })
      .where('id', '=', actor.userId)
      .execute();
    await writeAudit(tx, { ...actor, action: 'totp_disabled', entity: 'user', entityId: actor.userId });
  });
}

/** The signed-in user, what they may do and the areas their menu shows. */
export async function whoAmI(db: Db, userId: string): Promise<MeView> {
  const row = await findMe(db.kysely, userId);
  const role = row.role as Role;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role,
    language: row.language,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    totpEnabled: row.totp_enabled,
    permissions: permissionsOf(role),
    areas: areasOf(role),
  };
}

export async function setLanguage(db: Db, userId: string, language: 'fr' | 'en') {
  await setUserLanguage(db.kysely, userId, language);
  return { language };
}

/** Starts enrolling a second factor for a user who has none yet. */
export async function beginTotpSetup(db: Db, secrets: SecretBox, userId: string) {
  const user = await whoAmI(db, userId);
  if (user.totpEnabled)
    throw new DomainError('validation_failed', { field: 'totp', params: { detail: 'already enabled' } });
  return startTotpSetup(db, secrets, userId, user.email);
}
