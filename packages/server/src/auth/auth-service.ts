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
import { authenticator } from 'otplib';
import { writeAudit } from '../audit/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import {
  enableTotp,
  findAccountWithSecrets,
  findMe,
  findTotpSecret,
  findTotpState,
  removeTotp,
  setPasswordHash,
  setPendingTotpSecret,
  setUserLanguage,
} from './repository.ts';
import type { SecretBox } from './secret-box.ts';
import {
  findLoginAccount,
  insertSession,
  loginAttemptsSince,
  revokeOtherSessionsIn,
  revokeSessionOfToken,
  revokeSessionsBut,
  sessionOpenedFrom,
} from './session-repository.ts';
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
  const user = await findLoginAccount(db.kysely, input.email.toLowerCase());
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
    await insertSession(tx, user.organization_id, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
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
  const since = new Date(now - loginHistoryMinutes * 60_000);
  const rows = await loginAttemptsSince(db.kysely, userId, since, loginActions);
  return rows.map((r) => ({ at: new Date(r.at).getTime(), source: r.ip, succeeded: r.action === 'login' }));
}

async function isKnownSource(db: Db, userId: string, ip: string, now: number): Promise<boolean> {
  return sessionOpenedFrom(db.kysely, userId, ip, new Date(now - loginThrottle.knownSourceDays * 86_400_000));
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
  await revokeSessionOfToken(db.kysely, hashToken(token));
}

export async function revokeAllSessions(db: Db, userId: string, except?: string) {
  return revokeSessionsBut(db.kysely, userId, except);
}

export async function changePassword(
  db: Db,
  actor: { userId: string; organizationId: string; sessionId: string } & ClientInfo,
  currentPassword: string,
  newPassword: string,
) {
  const user = await findAccountWithSecrets(db.kysely, actor.userId);
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new DomainError('invalid_credentials', { field: 'currentPassword' });
  }
  if (currentPassword === newPassword) throw new DomainError('password_reused', { field: 'newPassword' });
  checkPasswordStrength(newPassword, 'newPassword');
  const hash = await hashPassword(newPassword);
  await db.kysely.transaction().execute(async (tx) => {
    await setPasswordHash(tx, user.id, hash);
    // Other sessions are closed: whoever knew the old password is logged out.
    await revokeOtherSessionsIn(tx, user.id, actor.sessionId);
    await writeAudit(tx, { ...actor, action: 'password_changed', entity: 'user', entityId: user.id });
  });
}

export async function startTotpSetup(db: Db, secrets: SecretBox, userId: string, email: string) {
  const secret = authenticator.generateSecret();
  await setPendingTotpSecret(db.kysely, userId, sealTotpSecret(secrets, userId, secret));
  return { secret, otpauthUrl: authenticator.keyuri(email, 'Pivot', secret) };
}

export async function confirmTotp(
  db: Db,
  secrets: SecretBox,
  actor: { userId: string; organizationId: string } & ClientInfo,
  code: string,
) {
  const user = await findTotpSecret(db.kysely, actor.userId);
  if (
    !user.totp_secret ||
    !authenticator.check(code, openTotpSecret(secrets, actor.userId, user.totp_secret, 'code'))
  )
    throw new DomainError('totp_invalid', { field: 'code' });
  await db.kysely.transaction().execute(async (tx) => {
    await enableTotp(tx, actor.userId);
    await writeAudit(tx, { ...actor, action: 'totp_enabled', entity: 'user', entityId: actor.userId });
  });
}

export async function disableTotp(
  db: Db,
  secrets: SecretBox,
  actor: { userId: string; organizationId: string } & ClientInfo,
  code: string,
) {
  const user = await findTotpState(db.kysely, actor.userId);
  if (
    !user.totp_enabled ||
    !user.totp_secret ||
    !authenticator.check(code, openTotpSecret(secrets, actor.userId, user.totp_secret, 'code'))
  ) {
    throw new DomainError('totp_invalid', { field: 'code' });
  }
  await db.kysely.transaction().execute(async (tx) => {
    await removeTotp(tx, actor.userId);
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
