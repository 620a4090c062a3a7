import { DomainError } from '@pivot/core';
import { can, type Role } from '@pivot/core/auth';
import type { FastifyInstance } from 'fastify';
import { hashToken, SessionCache, sessionCookie, sessionOfToken, touchSession } from '../auth/index.ts';

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
        // A prepared statement on PostgreSQL (auth/session-repository.ts), for the requests the cache misses.
        row = await sessionOfToken(db.kysely, tokenHash);
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
            await touchSession(db.kysely, row.session_id, at);
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
