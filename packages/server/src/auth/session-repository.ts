import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionRow } from './session-cache.ts';

// The statements of signing in and of sessions: the account of an e-mail, the attempts weighed by
// the login brake, opening, finding, touching and closing sessions.

/** The account signing in with this e-mail, whatever its organization (e-mails sign in), all columns; undefined when none. */
export function findLoginAccount(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email).executeTakeFirst();
}

/** The account's audit entries of these actions since a moment: when, from where, which. */
export function loginAttemptsSince(db: Kysely<Database>, userId: string, since: Date, actions: string[]) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'ip', 'action'])
    .where('user_id', '=', userId)
    .where('at', '>', since)
    .where('action', 'in', actions)
    .execute();
}

/** Whether the account opened a session from this address since a moment. */
export async function sessionOpenedFrom(db: Kysely<Database>, userId: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(
  tx: Kysely<Database>,
  organizationId: string,
  session: { tokenHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string },
) {
  await tx
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      organization_id: organizationId,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** Closes the session of this token, if still open. */
export async function revokeSessionOfToken(db: Kysely<Database>, tokenHash: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Closes the user's open sessions but `except`; returns how many were closed. */
export async function revokeSessionsBut(db: Kysely<Database>, userId: string, except?: string) {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Closes the user's open sessions other than this one (a password change). */
export async function revokeOtherSessionsIn(tx: Kysely<Database>, userId: string, sessionId: string) {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('id', '!=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * The session of a token hash with what every request needs of its user; undefined when unknown.
 * Run by every API request the session cache misses.
 */
export async function sessionOfToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  // A prepared statement on PostgreSQL (db/connection.ts), for the requests the cache misses.
  const { rows } = await sql<SessionRow>`/* prepared: session-of-token */
          SELECT s.id AS session_id, s.expires_at, s.last_seen_at, s.revoked_at, u.id AS user_id,
            u.organization_id, u.role, u.language, u.display_name, u.active
          FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ${tokenHash}`.execute(db);
  return rows[0];
}

/** Marks the session seen at this moment. */
export async function touchSession(db: Kysely<Database>, sessionId: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSessionsIn(tx: Kysely<Database>, userId: string) {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
