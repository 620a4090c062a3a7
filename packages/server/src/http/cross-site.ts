import { DomainError } from '@pivot/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sends on behalf of another site (cross-site
 * request forgery). The SameSite=Strict session cookie already stays home, but a login form or a
 * multipart upload is a "simple" request a foreign page can still send. Browsers say who started
 * the request in Sec-Fetch-Site (OWASP CSRF Prevention Cheat Sheet, "Fetch Metadata headers"),
 * older ones in Origin; a client sending neither (curl, a script, a certified add-on) is no
 * browser and carries no ambient credentials.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    // The scheme is left out: behind a TLS proxy this process may see http for an https page.
    return new URL(origin).host !== request.host;
  } catch {
    return true; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}

export function registerCrossSiteCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (stateChanging.has(request.method) && isCrossSite(request))
      throw new DomainError('cross_site_request');
  });
}
