import type { Language } from '@pivot/core';
import type { Permission, Role } from '@pivot/core/auth';
import type { SecretBox, SessionCache } from '../auth/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { FileStorage } from '../files/storage.ts';

export interface AuthContext {
  sessionId: string;
  userId: string;
  organizationId: string;
  role: Role;
  language: Language;
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Every route declares the permission it needs; a route without one is refused. */
    permission?: Permission;
    /** The URL carries a secret (a calendar feed's token): logs show the route's pattern instead. */
    secretInUrl?: boolean;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    storage: FileStorage;
    /** Seals and opens the secrets stored encrypted in the database (TOTP). */
    secrets: SecretBox;
    sessionCache: SessionCache;
    /** Every route with the permission it declared, for the test that nothing is left open. */
    routeCatalogue: { methods: string[]; url: string; permission: string | undefined }[];
  }
}
