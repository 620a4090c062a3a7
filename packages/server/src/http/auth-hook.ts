import { DomainError } from '@pivot/core';
import { can, type Role } from '@pivot/core/auth';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { hashToken, sessionCookie } from '../auth/session-token.ts';

/**
 * Loads the session of every API request and checks the route's declared permission. A route
 * without a declared permission is refused: nothing is reachable by omission.
 */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const permission = request.routeOptions.config?.permission;
    if (request.is404) return;
    if (!permission) throw new DomainError('forbidden');
    const token = request.cookies[sessionCookie];
    if (token) {
      const { config, db } = app;
      const row = await db.kysely
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as session_id',
          'sessions.expires_at',
          'sessions.last_seen_at',
          'sessions.revoked_at',
          'users.id as user_id',
          'users.organization_id',
          'users.role',
          'users.language',
          'users.display_name',
          'users.active',
        ])
        .where('sessions.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (row && !row.revoked_at && row.active) {
        const now = Date.now();
        const idleLimit = new Date(row.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
        if (now > new Date(row.expires_at).getTime() || now > idleLimit) {
          if (permission !== 'public') throw new DomainError('session_expired');
        } else {
          request.auth = {
            sessionId: row.session_id,
            userId: row.user_id,
            organizationId: row.organization_id,
            role: row.role as Role,
            language: row.language === 'en' ? 'en' : 'fr',
            displayName: row.display_name,
          };
          // Touch the session at most once a minute: reads stay cheap.
          if (now - new Date(row.last_seen_at).getTime() > 60_000) {
            await sql`UPDATE sessions SET last_seen_at = now() WHERE id = ${row.session_id}`.execute(
              db.kysely,
            );
          }
        }
      }
    }
    if (permission === 'public') return;
    if (!request.auth) throw new DomainError('unauthenticated');
    if (!can(request.auth.role, permission)) throw new DomainError('forbidden');
  });
}
