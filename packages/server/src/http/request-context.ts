import { DomainError } from '@pivot/core';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from './types.ts';

/** Who acts, for which organization, from where: what every service and audit entry needs. */
export interface Actor extends AuthContext {
  ip: string;
  userAgent: string;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new DomainError('unauthenticated');
  return {
    ...request.auth,
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
  };
}
