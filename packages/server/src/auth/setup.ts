import { DomainError } from '@pivot/core';
import { checkPasswordStrength } from '@pivot/core/auth';
import { writeAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/connection.ts';
import { hashPassword } from './passwords.ts';

export async function userCount(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** First start in production: creates the organization and its first administrator, once. */
export async function createFirstAdmin(
  db: Db,
  input: { organizationName: string; email: string; displayName: string; password: string },
) {
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  return db.kysely.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('users').select('id').limit(1).execute();
    if (existing.length > 0) throw new DomainError('setup_already_done');
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
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, {
      organizationId: org.id,
      userId: user.id,
      action: 'setup',
      entity: 'organization',
      entityId: org.id,
    });
    return { organizationId: org.id, userId: user.id };
  });
}
