import { DomainError } from '@pivot/core';
import {
  assertPractitionerRpps,
  checkPasswordStrength,
  type Role,
  type UserInput,
  type UserUpdateInput,
} from '@pivot/core/auth';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { revokeAllSessions } from './auth-service.ts';
import { hashPassword } from './passwords.ts';
import { assertRppsFree, recordPractitionerGrant } from './practitioner-grant.ts';
import {
  accountExists,
  activeAdminIds,
  emailTaken,
  findAccount,
  findRoleAndRpps,
  insertAccount,
  listAccounts,
} from './repository.ts';
import { revokeSessionsIn } from './session-repository.ts';

function accountView(u: Awaited<ReturnType<typeof findAccount>>) {
  return {
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
  };
}

export async function accountsOf(db: Db, organizationId: string) {
  return (await listAccounts(db.kysely, organizationId)).map(accountView);
}

export async function createAccount(db: Db, actor: Actor, input: UserInput) {
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  const created = await db.kysely.transaction().execute(async (tx) => {
    if (await emailTaken(tx, input.email)) throw new DomainError('email_taken', { field: 'email' });
    await assertRppsFree(tx, actor.organizationId, input.rpps, null);
    const row = await insertAccount(tx, actor.organizationId, {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hash,
      language: input.language,
      rpps: input.rpps ?? null,
      specialty: input.specialty ?? null,
    });
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
  return accountView(created);
}

export async function changeAccount(db: Db, actor: Actor, userId: string, input: UserUpdateInput) {
  const { version, ...changes } = input;
  return db.kysely.transaction().execute(async (tx) => {
    if (changes.active === false || (changes.role && changes.role !== 'admin')) {
      const admins = await activeAdminIds(tx, actor.organizationId);
      if (admins.length === 1 && admins[0]!.id === userId) throw new DomainError('last_admin');
    }
    const before = await findRoleAndRpps(tx, actor.organizationId, userId);
    if (!before) throw new DomainError('not_found');
    const role = (changes.role ?? before.role) as Role;
    const rpps = changes.rpps ?? before.rpps;
    assertPractitionerRpps(role, rpps);
    if (changes.rpps !== undefined) await assertRppsFree(tx, actor.organizationId, changes.rpps, userId);
    // Four eyes: another administrator gives an administrator the practitioner role.
    if (userId === actor.userId && role === 'practitioner' && before.role !== 'practitioner')
      throw new DomainError('practitioner_self_grant', { field: 'role' });
    const set: Record<string, unknown> = {};
    if (changes.rpps !== undefined) set.rpps = changes.rpps;
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.language !== undefined) set.language = changes.language;
    await updateVersioned(tx, 'users', { organizationId: actor.organizationId, id: userId, version }, set);
    if (changes.active === false) await revokeSessionsIn(tx, userId);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'user',
      entityId: userId,
      details: { fields: Object.keys(set) },
    });
    const after = await findAccount(tx, userId);
    if (after.role === 'practitioner' && before.role !== 'practitioner')
      await recordPractitionerGrant(
        tx,
        actor,
        { id: after.id, displayName: after.display_name, email: after.email, rpps: after.rpps ?? '' },
        before.role,
      );
    return accountView(after);
  });
}

/** Closes every session of an account of the organization. */
export async function revokeSessionsOf(db: Db, organizationId: string, userId: string) {
  if (!(await accountExists(db.kysely, organizationId, userId))) throw new DomainError('not_found');
  return { revoked: await revokeAllSessions(db, userId) };
}
