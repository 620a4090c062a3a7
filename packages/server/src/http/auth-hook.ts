import { DomainError } from '@pivot/core';
import { can, type Role } from '@pivot/core/auth';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { hashToken, SessionCache, type SessionRow, sessionCookie } from '../auth/index.ts';

/**
 * Loads the session of every API request and checks the route's declared permission. A route
 * without a declared permission is refused: nothing is reachable by omission.
 */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  const cache = new SessionCache(app.db, app.config.sessionCacheSeconds);
  app.decorate('sessionCache', cache);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const permission = request.routeOptions.config?.permission;
    if (request.is404) return;
    if (!permission) throw new DomainError('forbidden');
    const token = request.cookies[sessionCookie];
    if (token) {
      const { config, db } = app;
      const tokenHash = hashToken(token);
      const now = Date.now();
      let row = cache.get(tokenHash, now);
      if (!row) {
        // A prepared statement on PostgreSQL (db/connection.ts), for the requests the cache misses.
        const { rows } = await sql<SessionRow>`/* prepared: session-of-token */
          SELECT s.id AS session_id, s.expires_at, s.last_seen_at, s.revoked_at, u.id AS user_id,
            u.organization_id, u.role, u.language, u.display_name, u.active
          FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ${tokenHash}`.execute(db.kysely);
        row = rows[0];
        if (row) cache.set(tokenHash, row, now);
      }
      if (row && !row.revoked_at && row.active) {
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
            const at = new Date(now);
            await db.kysely
              .updateTable('sessions')
              .set({ last_seen_at: at })
              .where('id', '=', row.session_id)
              .execute();
            cache.touched(tokenHash, at);
          }
        }
      }
    }
    if (permission === 'public') return;
    if (!request.auth) throw new DomainError('unauthenticated');
    if (!can(request.auth.role, permission)) throw new DomainError('forbidden');
  });
}
