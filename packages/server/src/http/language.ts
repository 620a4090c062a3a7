import type { Language } from '@pivot/core';
import type { FastifyRequest } from 'fastify';

/** The user's own setting first, then the browser's Accept-Language; French by default. */
export function requestLanguage(request: FastifyRequest): Language {
  if (request.auth) return request.auth.language;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
